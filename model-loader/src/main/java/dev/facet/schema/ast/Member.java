package dev.facet.schema.ast;

import dev.facet.schema.source.Span;
import java.util.List;

/** Anything written inside a block's braces, in written order (the formatter needs it all). */
public sealed interface Member {
    /** @return where the member is written */
    Span span();

    /**
     * A field of a model, view or composite type; an enum value; or a datasource/generator property.
     *
     * @param name          the name
     * @param type          the type (null for enum values, properties, or when missing)
     * @param value         a property's value ({@code key = value}), otherwise null
     * @param attributes    field attributes in written order
     * @param documentation the {@code ///} lines above, joined with newlines, or null
     * @param trailing      a comment at the end of the line, or null
     * @param span          the declaration, without the documentation and trailing comment
     */
    record Field(Identifier name, FieldType type, Expression value, List<Attribute> attributes, String documentation,
                 Comment trailing, Span span) implements Member {
        public Field { attributes = List.copyOf(attributes); }
    }

    /** A block attribute ({@code @@id([a, b])}) with an optional trailing comment. */
    record BlockAttribute(Attribute attribute, Comment trailing, Span span) implements Member {}

    /** A comment on a line of its own (documentation comments not followed by a declaration land here too). */
    record CommentLine(Comment comment, Span span) implements Member {}

    /** One or more empty lines. */
    record EmptyLines(int count, Span span) implements Member {}

    /** A line the grammar does not recognise; reported by the parser, kept verbatim by the formatter. */
    record Invalid(String text, Span span) implements Member {}
}
