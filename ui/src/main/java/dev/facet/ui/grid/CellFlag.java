package dev.facet.ui.grid;

/** What a cell shows beside its text. */
public enum CellFlag {
    /** The row is still loading. */
    LOADING,
    /** The value is NULL. */
    NULL,
    /** The value is an empty string (shown so, to tell it from NULL). */
    EMPTY,
    /** The value is changed and not saved. */
    PENDING,
    /** A new record's cell shows the default the database or Prisma will give it. */
    DEFAULT,
    /** A new record needs a value here. */
    REQUIRED,
    /** Clicking follows a relation. */
    LINK,
    /** Cannot be typed into. */
    READ_ONLY,
    /** Numbers are right-aligned. */
    NUMBER,
    /** The record is marked for deletion. */
    DELETED,
    /** Someone else changed this record since it was loaded. */
    CONFLICT
}
