package dev.facet.schema.ast;

import dev.facet.schema.source.Span;

/**
 * The type of a field as written.
 *
 * @param name        the type name ({@code String}, {@code User}), or {@code Unsupported}
 * @param nameSpan    where the type name is written
 * @param arity       required, optional or list
 * @param unsupported the database type of {@code Unsupported("...")}, otherwise null
 * @param optionalList whether it was written {@code T[]?}, which Prisma rejects
 * @param legacy      the legacy syntax used ({@code T!} or {@code [T]}), otherwise null
 * @param span        the whole type including modifiers
 */
public record FieldType(String name, Span nameSpan, Arity arity, String unsupported, boolean optionalList,
                        String legacy, Span span) {
    /** @return whether this is {@code Unsupported("...")} */
    public boolean isUnsupported() { return unsupported != null; }
}
