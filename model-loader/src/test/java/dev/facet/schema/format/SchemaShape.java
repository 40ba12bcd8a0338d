package dev.facet.schema.format;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.Member;
import dev.facet.schema.parser.Parser;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.ast.TopItem;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema means, independent of layout: every block with its fields (name, type, attributes as a
 * sorted list, written without spaces) and block attributes, plus every comment. Comparing shapes of a
 * schema before and after formatting shows that formatting changed nothing that matters.
 */
record SchemaShape(List<String> blocks, List<String> comments) {

    static SchemaShape of(String schema) {
        Diagnostics diagnostics = new Diagnostics();
        SchemaAst ast = Parser.parse(new SourceFile("schema.prisma", schema), diagnostics);
        if (diagnostics.hasErrors()) throw new AssertionError("does not parse: " + diagnostics.errors());
        List<String> blocks = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (TopItem item : ast.items()) {
            if (item instanceof TopItem.CommentLine c) comments.add(normalise(c.comment().text()));
            if (!(item instanceof Block b)) continue;
            List<String> fields = new ArrayList<>();
            List<String> blockAttributes = new ArrayList<>();
            for (Member m : b.members()) {
                switch (m) {
                    case Member.Field f -> {
                        String type = f.type() == null ? "" : f.type().name() + "/" + f.type().arity() + "/" + f.type().unsupported();
                        String value = f.value() == null ? "" : normalise(f.value().span().text());
                        fields.add(f.name().name() + " " + type + " " + value + " " + sortedAttributes(f.attributes())
                                + " doc=" + f.documentation());
                        if (f.trailing() != null) comments.add(normalise(f.trailing().text()));
                    }
                    case Member.BlockAttribute a -> {
                        blockAttributes.add(normalise(a.attribute().span().text()));
                        if (a.trailing() != null) comments.add(normalise(a.trailing().text()));
                    }
                    case Member.CommentLine c -> comments.add(normalise(c.comment().text()));
                    default -> { }
                }
            }
            blockAttributes.sort(null);
            blocks.add(b.kind() + " " + b.name().name() + " doc=" + b.documentation() + " " + fields + " " + blockAttributes);
        }
        comments.sort(null);
        return new SchemaShape(blocks, comments);
    }

    private static List<String> sortedAttributes(List<Attribute> attributes) {
        return attributes.stream().map(a -> normalise(a.span().text())).sorted().toList();
    }

    /** Layout-free text: block comments lose their line structure, everything loses whitespace. */
    private static String normalise(String text) {
        return text.replaceAll("(?m)^\\s*\\*(?!/)", "").replaceAll("/\\*\\*?", "/*").replaceAll("\\s+", "");
    }
}
