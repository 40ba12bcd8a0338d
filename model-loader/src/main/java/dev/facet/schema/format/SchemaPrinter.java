package dev.facet.schema.format;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Comment;
import dev.facet.schema.ast.Member;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.ast.TopItem;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints one parsed file in Prisma's format. Blocks are laid out as tables whose alignment restarts
 * at every empty line; block attributes move to the end of their block, in a fixed order, after one
 * empty line; comments stay where they are, except those directly above a block attribute, which move
 * with it.
 */
final class SchemaPrinter {
    /** Attribute names in the order Prisma prints them; any other name comes after these, in written order. */
    private static final List<String> ATTRIBUTE_ORDER =
            List.of("id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore");

    /** One line (or, for comments, a few lines) of a block, before layout. */
    private sealed interface Entry {}

    private record Row(List<String> docs, List<String> cells, String trailing) implements Entry {}

    private record CommentLines(List<String> lines) implements Entry {}

    private record Blank() implements Entry {}

    private record Verbatim(String text) implements Entry {}

    private record BlockAttribute(String name, String text, String trailing, List<CommentLines> comments) implements Entry {
        BlockAttribute withComments(List<CommentLines> above) { return new BlockAttribute(name, text, trailing, above); }
    }

    /** What the previous top-level item leaves behind, which decides whether an empty line follows it. */
    private enum Ending {
        /** Nothing printed yet. */
        START,
        /** A block: always followed by one empty line. */
        BLOCK,
        /** A comment or an unrecognised line: followed by an empty line only where the input had one. */
        LINE,
        /** A type alias or an unrecognised block: never followed by an empty line. */
        GLUED
    }

    private final SourceFile file;
    private final String src;
    private final Completions completions;
    private final TextOut out;

    private SchemaPrinter(SourceFile file, Completions completions) {
        this.file = file;
        this.src = file.text();
        this.completions = completions;
        this.out = new TextOut(lineTerminator(src));
    }

    /** @return the formatted text of {@code ast}, with the relation completions that concern it */
    static String print(SchemaAst ast, Completions completions) {
        return new SchemaPrinter(ast.file(), completions).top(ast.items());
    }

    /** Keeps Windows line endings when the file uses them. */
    private static String lineTerminator(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    // ---------------------------------------------------------------- top level

    private String top(List<TopItem> items) {
        Ending previous = Ending.START;
        boolean emptyLineSeen = false;
        for (TopItem item : items) {
            if (item instanceof TopItem.EmptyLines) {
                emptyLineSeen = true;
                continue;
            }
            if (previous == Ending.BLOCK || (previous == Ending.LINE && emptyLineSeen)) out.line("");
            emptyLineSeen = false;
            previous = switch (item) {
                case Block block -> block(block);
                case TopItem.CommentLine c -> {
                    Comments.lines(c.comment()).forEach(out::line);
                    yield Ending.LINE;
                }
                case TopItem.TypeAlias alias -> {
                    out.line(joinNonEmpty(alias.span().text(), remainderOfLine(alias.span().end())));
                    yield Ending.GLUED;
                }
                case TopItem.Invalid invalid -> {
                    invalid.text().strip().lines().forEach(l -> out.line(l.stripTrailing()));
                    yield invalid.text().contains("{") && invalid.text().strip().endsWith("}") ? Ending.GLUED : Ending.LINE;
                }
                case TopItem.EmptyLines e -> throw new AssertionError("handled above");
            };
        }
        String text = out.toString();
        return text.isEmpty() ? lineTerminator(src) : text;
    }

    private Ending block(Block block) {
        Comments.docLines(file, block.span().start(), block.documentation()).forEach(out::line);
        // Text after the opening brace is skipped by the parser: a comment there becomes the block's
        // first line; anything else stays where it is, since on a line of its own it would turn into a field.
        String opening = openingLineRemainder(block);
        out.line(joinNonEmpty(block.kind().keyword() + " " + block.name().name() + " {", isComment(opening) ? "" : opening));
        out.indent();
        members(block);
        out.outdent();
        // The parser skips whatever follows the closing brace on its line. It stays there: on a line
        // of its own it would read back as a free-standing comment and move on the next run.
        out.line(joinNonEmpty("}", remainderOfLine(block.span().end())));
        return Ending.BLOCK;
    }

    // ---------------------------------------------------------------- block contents

    private void members(Block block) {
        List<Entry> entries = entries(block);
        LayoutTable table = new LayoutTable();
        List<BlockAttribute> blockAttributes = new ArrayList<>();
        boolean started = false;
        boolean emptyLineSeen = false;
        int commentRunEnd = -1; // found once per run of comment lines, not once per line of it
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry instanceof Blank) {
                emptyLineSeen = started; // empty lines at the top of a block go away
                continue;
            }
            started = true;
            if (entry instanceof CommentLines) {
                if (i >= commentRunEnd) {
                    commentRunEnd = i;
                    while (commentRunEnd < entries.size() && entries.get(commentRunEnd) instanceof CommentLines) commentRunEnd++;
                }
                int end = commentRunEnd;
                if (end < entries.size() && entries.get(end) instanceof BlockAttribute attribute) {
                    // Comments right above a block attribute belong to it and move with it.
                    List<CommentLines> above = entries.subList(i, end).stream().map(CommentLines.class::cast).toList();
                    blockAttributes.add(attribute.withComments(above));
                    emptyLineSeen = false;
                    i = end;
                    continue;
                }
            }
            if (entry instanceof BlockAttribute attribute) {
                blockAttributes.add(attribute);
                emptyLineSeen = false;
                continue;
            }
            if (emptyLineSeen) {
                // An empty line ends the current alignment and is kept (collapsed to one).
                table.flushTo(out);
                table.blank();
                emptyLineSeen = false;
            }
            switch (entry) {
                case Row row -> {
                    row.docs().forEach(table::comment);
                    table.row(row.cells(), row.trailing());
                }
                case CommentLines c -> c.lines().forEach(table::comment);
                case Verbatim v -> table.verbatim(v.text());
                default -> throw new AssertionError(entry);
            }
        }
        table.flushTo(out);
        if (blockAttributes.isEmpty()) return;
        table.blank();
        blockAttributes.sort(Comparator.comparingInt(a -> orderOf(a.name())));
        for (BlockAttribute a : blockAttributes) {
            a.comments().forEach(c -> c.lines().forEach(table::comment));
            table.row(List.of(a.text()), a.trailing());
        }
        table.flushTo(out);
    }

    private List<Entry> entries(Block block) {
        List<Entry> entries = new ArrayList<>();
        String opening = openingLineRemainder(block);
        if (isComment(opening)) entries.add(new CommentLines(Comments.lines(new Comment(opening, block.span()))));
        for (Member m : block.members()) {
            entries.add(switch (m) {
                case Member.Field f -> row(block.kind(), f);
                case Member.BlockAttribute a -> new BlockAttribute(a.attribute().name(),
                        SyntaxPrinter.attribute("@@", a.attribute(), List.of()), trailing(a.trailing(), List.of(a.attribute().span())),
                        List.of());
                case Member.CommentLine c -> new CommentLines(Comments.lines(c.comment()));
                case Member.EmptyLines e -> new Blank();
                case Member.Invalid invalid -> new Verbatim(invalid.text().strip());
            });
        }
        // Prisma inserts missing fields just before the closing brace, after everything else.
        for (Completions.AddedField added : completions.addedFields(block)) {
            entries.add(new Row(List.of(), List.of(added.name(), added.type(), String.join(" ", added.attributes())), null));
        }
        return entries;
    }

    private Row row(BlockKind kind, Member.Field f) {
        List<String> docs = Comments.docLines(file, f.span().start(), f.documentation());
        String name = f.name().name();
        List<String> cells = switch (kind) {
            case DATASOURCE, GENERATOR -> List.of(name, f.value() == null ? "=" : "= " + SyntaxPrinter.expression(f.value()));
            case ENUM -> List.of(name, String.join(" ", f.attributes().stream()
                    .map(a -> SyntaxPrinter.attribute("@", a, List.of())).toList()));
            case MODEL, VIEW, TYPE -> List.of(name, f.type() == null ? "" : SyntaxPrinter.type(f.type()), fieldAttributes(f));
        };
        List<Span> written = new ArrayList<>();
        if (f.value() != null) written.add(f.value().span());
        f.attributes().forEach(a -> written.add(a.span()));
        return new Row(docs, cells, trailing(f.trailing(), written));
    }

    /** The field's attributes in Prisma's order, with a relation completion where one is due. */
    private String fieldAttributes(Member.Field f) {
        record Named(String name, String text) {}
        List<Named> attributes = new ArrayList<>();
        String added = completions.relationAttribute(f);
        if (added != null) attributes.add(new Named("relation", added));
        for (Attribute a : f.attributes()) {
            attributes.add(new Named(a.name(), SyntaxPrinter.attribute("@", a, completions.relationArguments(a))));
        }
        attributes.sort(Comparator.comparingInt(a -> orderOf(a.name())));
        return String.join(" ", attributes.stream().map(Named::text).toList());
    }

    private static int orderOf(String attributeName) {
        int index = ATTRIBUTE_ORDER.indexOf(attributeName);
        return index < 0 ? ATTRIBUTE_ORDER.size() : index;
    }

    /**
     * The comment at the end of the line, preceded by any {@code //} comments written inside the
     * line's arguments: those spread over several lines are joined into one, and their comments must
     * not be lost.
     */
    private static String trailing(Comment comment, List<Span> written) {
        List<String> comments = new ArrayList<>();
        written.forEach(span -> comments.addAll(Comments.inside(span)));
        if (comment != null) comments.add(comment.text());
        return comments.isEmpty() ? null : String.join(" ", comments);
    }

    private static boolean isComment(String text) { return text.startsWith("//") || text.startsWith("/*"); }

    // ---------------------------------------------------------------- text the parser skips

    /**
     * What follows the opening brace on its line. The parser skips it; a comment there is kept as the
     * block's first line, anything else as a verbatim line.
     */
    private String openingLineRemainder(Block block) {
        int brace = src.indexOf('{', block.name().span().end());
        int closing = block.span().end() - 1;
        if (brace < 0 || closing <= brace || lineEnd(brace) > closing) return ""; // a one-line block
        return remainderOfLine(brace + 1);
    }

    /** The stripped text from {@code from} to the end of its line, through a block comment that starts there. */
    private String remainderOfLine(int from) {
        int end = lineEnd(from);
        // Searched within the line only: a search to the end of the file for every block was quadratic.
        int comment = src.indexOf("/*", from, end);
        if (comment >= 0) {
            int close = src.indexOf("*/", comment + 2);
            end = close < 0 ? src.length() : Math.max(end, lineEnd(close));
        }
        return src.substring(Math.min(from, end), end).strip();
    }

    private int lineEnd(int from) {
        int nl = src.indexOf('\n', from);
        return nl < 0 ? src.length() : nl;
    }

    private static String joinNonEmpty(String first, String second) {
        return second.isEmpty() ? first : first + " " + second;
    }
}
