package dev.facet.schema.model;

/** What a scalar-like field holds: a built-in scalar, an enum, a composite type, or an unsupported database type. */
public enum FieldKind { SCALAR, ENUM, COMPOSITE, UNSUPPORTED }
