package dev.facet.schema.model;

/** The kind of a secondary index. */
public enum IndexKind { UNIQUE, NORMAL, FULLTEXT }
