package dev.facet.schema.ast;

import dev.facet.schema.source.Span;

/** An item at the top level of a schema file, in written order. */
public sealed interface TopItem permits Block, TopItem.CommentLine, TopItem.EmptyLines, TopItem.Invalid, TopItem.TypeAlias {
    /** @return where it is written */
    Span span();

    /** A comment on a line of its own. */
    record CommentLine(Comment comment, Span span) implements TopItem {}

    /** One or more empty lines. */
    record EmptyLines(int count, Span span) implements TopItem {}

    /** Text the grammar does not recognise (an unknown keyword, a broken block), kept verbatim. */
    record Invalid(String text, Span span) implements TopItem {}

    /** The legacy {@code type Name = Base @attr} alias, which Prisma no longer accepts. */
    record TypeAlias(Identifier name, FieldType target, java.util.List<Attribute> attributes, Span span) implements TopItem {}
}
