package dev.facet.data.behaviour;

/**
 * How a database itself treats a value, where Prisma passes the value through and so gives a different answer per
 * database: facts of the database, not capabilities of Facet's connector. A {@link Backend} lists its traits; a test
 * picks its expectation with {@link Backend#has(DatabaseTrait)}, never by naming the backend.
 */
enum DatabaseTrait {
    /** An {@code Int} column holds 32 bits: a larger value is the database's P2020 (PostgreSQL, MySQL). */
    INT_COLUMNS_OF_32_BITS,
    /** Text cannot hold a NUL character: the database's error 22021 as P2039 (PostgreSQL). */
    NO_NUL_IN_TEXT,
    /** The year 0000 is out of range: the database's error 22008 as P2039 (PostgreSQL). */
    NO_YEAR_ZERO,
    /** The year 0000 may be refused or kept, depending on the server's SQL mode (MySQL/MariaDB). */
    YEAR_ZERO_PER_SERVER_MODE,
    /**
     * The default collation compares ignoring case and trailing spaces, for Prisma too ({@code "   "} equals
     * {@code ""}; MySQL/MariaDB).
     */
    LOOSE_DEFAULT_COLLATION,
    /**
     * {@code contains}/{@code startsWith}/{@code endsWith} go to the database's {@code LIKE} unescaped, so {@code %}
     * and {@code _} are wildcards (Prisma's SQL connectors); MongoDB's Prisma escapes them into a regular expression.
     */
    LIKE_WILDCARDS,
    /**
     * Relation filters nest at most 16 deep (ADR 0012): Facet's SQL connector refuses deeper ones, which swamp the
     * SQL planners; Prisma itself has no such limit.
     */
    RELATION_FILTER_DEPTH_LIMIT,
    /** A {@code String} is a {@code VARCHAR(191)}: long texts need {@code @db.LongText} (MySQL/MariaDB). */
    SHORT_DEFAULT_STRINGS,
    /**
     * A to-one {@code isNot: {...}} also matches a record without a related record (Prisma's SQL connectors); MongoDB's
     * Prisma requires the related document to exist (prisma-engines' {@code many_relation.rs} tests expect each).
     */
    IS_NOT_MATCHES_NO_RELATED_RECORD,
    /** Null sorts after every value in ascending order (PostgreSQL); MySQL and SQLite put it first. */
    NULLS_LAST_IN_ASCENDING_ORDER,
    /** An enum orders by the declaration of its values (PostgreSQL's and MySQL's enum types); SQLite keeps text. */
    ENUMS_IN_DECLARATION_ORDER,
    /** A Float overflow is kept as infinity, which Prisma's adapter reads as null (SQLite); elsewhere it is an error. */
    FLOAT_OVERFLOW_KEPT_AS_INFINITY,
    /** An {@code Int} parameter beyond 32 bits is refused even in a comparison (PostgreSQL's P2020); the others compare it. */
    INT_PARAMETERS_OF_32_BITS,
    /** A Json comparison with a number matches numbers only (PostgreSQL's jsonb would put objects above them). */
    JSON_NUMBERS_COMPARE_WITH_NUMBERS_ONLY,
    /** Int arithmetic runs in floating point and is read back truncated (SQLite through Prisma's libsql adapter). */
    INT_ARITHMETIC_IN_FLOATING_POINT,
    /** An Int divided exactly is rounded into the Int (MySQL); PostgreSQL truncates. */
    INT_DIVISION_ROUNDED,
    /** A unique violation names the fields, not the constraint (SQLite's adapter). */
    UNIQUE_VIOLATION_NAMES_FIELDS
}
