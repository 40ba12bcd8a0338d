package dev.facet.data.connector;

import java.util.Set;

/**
 * What a database behind a {@link Connector} can do, as far as Prisma Client's behaviour depends on it. The neutral
 * layers (argument parsing, writes, referential actions, the UI) ask the connector's {@link Connector#capabilities()}
 * instead of branching on the schema's provider, so that a new connector declares its set once.
 */
public enum ConnectorCapability {
    /** {@code mode: 'insensitive'} in string filters (PostgreSQL's ILIKE; MongoDB's case-insensitive match). */
    INSENSITIVE_FILTERS,
    /**
     * Writes give back the rows they touched ({@code RETURNING}): createManyAndReturn and updateManyAndReturn
     * exist, and an update notices a missing record from its own result instead of reading it first.
     */
    RETURNING,
    /** {@code createMany} can skip records that break a unique constraint ({@code skipDuplicates}); not on SQLite in Prisma. */
    SKIP_DUPLICATES,
    /** A one-statement upsert ({@code INSERT ... ON CONFLICT DO UPDATE}), which Prisma uses where it can. */
    NATIVE_UPSERT,
    /**
     * The database has foreign keys and carries out referential actions itself (unless the schema says
     * {@code relationMode = "prisma"}); without them Facet emulates the actions.
     */
    FOREIGN_KEYS,
    /** The database's foreign keys carry out {@code SetDefault} (MySQL's InnoDB treats it as {@code NoAction}). */
    FOREIGN_KEY_SET_DEFAULT,
    /** An update may change a record's id (not on MongoDB, whose {@code _id} is immutable: Prisma leaves it out of update inputs). */
    UPDATABLE_ID,
    /** Scalar lists ({@code String[]}) are stored natively. */
    SCALAR_LISTS,
    /**
     * Json filters beyond equality: {@code path}, {@code string_*}, {@code array_*}, comparisons (Prisma's SQL
     * connectors); MongoDB's Prisma filters Json by {@code equals} and {@code not} only.
     */
    JSON_FILTERS,
    /** A Json filter's {@code path} is a list of keys (PostgreSQL); without this, a JSON path text ({@code $.a.b}). */
    JSON_PATH_AS_KEYS,
    /** Json filters compare ({@code lt}, {@code gte}, ...) and look into arrays ({@code array_contains}); SQLite has neither. */
    JSON_COMPARISONS,
    /** Composite types ({@code type Address { ... }}): values embedded in a record, as MongoDB stores documents. */
    COMPOSITE_TYPES,
    /**
     * A field may be absent from a record, which is not the same as null (MongoDB's documents): the {@code isSet}
     * filter and the {@code unset} update exist.
     */
    ABSENT_FIELDS,
    /**
     * An ordering by an optional field says where nulls go ({@code {sort, nulls}}, Prisma's SortOrderInput); MongoDB's
     * Prisma has no such input (an ordering is {@code asc} or {@code desc}), and refuses it with P2009.
     */
    NULLS_ORDER,
    /** Several writes can run in one transaction that a failure rolls back. */
    TRANSACTIONS;

    /** @return an immutable set of the capabilities given */
    public static Set<ConnectorCapability> setOf(ConnectorCapability... capabilities) {
        return capabilities.length == 0 ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.of(capabilities[0], capabilities));
    }
}
