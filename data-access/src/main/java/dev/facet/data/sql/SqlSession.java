package dev.facet.data.sql;

import dev.facet.data.error.QueryError;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitive write operations on one JDBC connection inside a transaction. Updates and deletes carry
 * their whole condition in their own WHERE (see {@link #rows}), which never grows with the number of rows.
 */
final class SqlSession implements Session {
    private final Schema schema;
    private final SqlDialect dialect;
    private final SqlReader reader;
    private final Connection connection;
    private final SqlConnector connector;

    SqlSession(Schema schema, SqlDialect dialect, SqlReader reader, Connection connection, SqlConnector connector) {
        this.schema = schema;
        this.dialect = dialect;
        this.reader = reader;
        this.connection = connection;
        this.connector = connector;
    }

    @Override
    public List<Map<String, Object>> aggregate(dev.facet.data.query.Aggregation aggregation) {
        try {
            return connector.aggregate(connection, aggregation);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public List<Map<String, Object>> read(ReadQuery query) {
        try {
            return reader.read(connection, query);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public long count(Model model, Filter where) {
        try {
            return reader.count(connection, model, where);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public Map<String, Object> insert(Model model, Map<ScalarField, Object> values) {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        List<ScalarField> all = model.scalarFields().stream().filter(f -> f.kind() != dev.facet.schema.model.FieldKind.UNSUPPORTED && !f.ignored()).toList();
        Sql sql = new Sql().append("INSERT INTO ").append(fc.table(model));
        appendValues(sql, values);
        boolean returning = dialect.supportsReturning();
        if (returning) {
            sql.append(" RETURNING ").append(String.join(", ", all.stream().map(f -> dialect.quote(f.databaseName())).toList()));
        }
        try (PreparedStatement ps = returning ? reader.prepare(connection, sql)
                : prepareWithKeys(sql)) {
            if (returning) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < all.size(); i++) row.put(all.get(i).name(), dialect.read(rs, i + 1, all.get(i)));
                    return row;
                }
            }
            ps.executeUpdate();
            Map<ScalarField, Object> key = new LinkedHashMap<>();
            List<ScalarField> pk = keyFields(model);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                boolean generated = keys.next();
                for (ScalarField f : pk) {
                    if (values.containsKey(f)) key.put(f, values.get(f));
                    else if (generated) key.put(f, dialect.read(keys, 1, f));
                }
            }
            Filter byKey = Filter.and(key.entrySet().stream()
                    .map(e -> (Filter) new Filter.Compare(e.getKey(), Filter.CompareOp.EQUALS, e.getValue(), false)).toList());
            List<Map<String, Object>> rows = reader.read(connection, new ReadQuery(model, byKey, List.of(), null, null, 1L, List.of(),
                    new dev.facet.data.query.Selection(all.stream().map(f -> (dev.facet.data.query.Selection.Item) new dev.facet.data.query.Selection.Scalar(f)).toList())));
            return rows.getFirst();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public Map<String, Object> upsert(Model model, Map<ScalarField, Object> values, List<ScalarField> conflict, Map<ScalarField, FieldUpdate> changes,
                                      Filter where) {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        List<ScalarField> key = keyFields(model);
        Sql sql = new Sql().append("INSERT INTO ").append(fc.table(model)).append(" AS t0");
        appendValues(sql, values);
        sql.append(" ON CONFLICT (").append(String.join(", ", conflict.stream().map(f -> dialect.quote(f.databaseName())).toList()))
                .append(") DO UPDATE SET ");
        appendChanges(sql, "t0.", changes);
        sql.append(" WHERE ");
        fc.compile(where, model, "t0", sql);
        sql.append(" RETURNING ").append(String.join(", ", key.stream().map(f -> dialect.quote(f.databaseName())).toList()));
        try (PreparedStatement ps = reader.prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < key.size(); i++) row.put(key.get(i).name(), dialect.read(rs, i + 1, key.get(i)));
            return row;
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private PreparedStatement prepareWithKeys(Sql sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql.text(), Statement.RETURN_GENERATED_KEYS);
        List<Sql.Param> params = sql.params();
        for (int i = 0; i < params.size(); i++) dialect.bind(ps, i + 1, params.get(i).field(), params.get(i).value());
        reader.log(sql.text());
        return ps;
    }

    private void appendValues(Sql sql, Map<ScalarField, Object> values) {
        if (values.isEmpty()) {
            sql.append(dialect.emptyInsert());
            return;
        }
        sql.append(" (").append(String.join(", ", values.keySet().stream().map(f -> dialect.quote(f.databaseName())).toList())).append(") VALUES (");
        int i = 0;
        for (var e : values.entrySet()) {
            if (i++ > 0) sql.append(", ");
            sql.param(e.getKey(), e.getValue(), dialect);
        }
        sql.append(")");
    }

    @Override
    public long insertMany(Model model, List<Map<ScalarField, Object>> rows, boolean skipDuplicates) {
        if (rows.isEmpty()) return 0;
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        // Rows giving different sets of fields go in separate statements (a missing field must take its default), but
        // only runs of neighbours are grouped: rows are inserted in the order given, as Prisma does, so that
        // autoincrement ids follow the array.
        List<List<Map<ScalarField, Object>>> runs = new ArrayList<>();
        for (Map<ScalarField, Object> r : rows) {
            if (runs.isEmpty() || !runs.getLast().getFirst().keySet().equals(r.keySet())) runs.add(new ArrayList<>());
            runs.getLast().add(r);
        }
        long inserted = 0;
        for (List<Map<ScalarField, Object>> all : runs) {
            List<ScalarField> fields = new ArrayList<>(all.getFirst().keySet());
            int perStatement = Math.max(1, 30_000 / Math.max(1, fields.size()));
            for (int from = 0; from < all.size(); from += perStatement) {
                List<Map<ScalarField, Object>> chunk = all.subList(from, Math.min(all.size(), from + perStatement));
                Sql sql = new Sql().append(skipDuplicates ? dialect.insertIgnore() : "INSERT INTO ").append(fc.table(model));
                if (fields.isEmpty()) {
                    for (int i = 0; i < chunk.size(); i++) inserted += execute(new Sql().append("INSERT INTO ").append(fc.table(model)).append(dialect.emptyInsert()));
                    continue;
                }
                sql.append(" (").append(String.join(", ", fields.stream().map(f -> dialect.quote(f.databaseName())).toList())).append(") VALUES ");
                for (int r = 0; r < chunk.size(); r++) {
                    if (r > 0) sql.append(", ");
                    sql.append("(");
                    for (int i = 0; i < fields.size(); i++) {
                        if (i > 0) sql.append(", ");
                        sql.param(fields.get(i), chunk.get(r).get(fields.get(i)), dialect);
                    }
                    sql.append(")");
                }
                if (skipDuplicates) sql.append(dialect.onConflictIgnore());
                inserted += execute(sql);
            }
        }
        return inserted;
    }

    @Override
    public long update(Model model, Filter where, Map<ScalarField, FieldUpdate> changes) {
        if (changes.isEmpty()) return count(model, where);
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        Sql sql = new Sql().append("UPDATE ").append(fc.table(model)).append(" AS t0 SET ");
        appendChanges(sql, "", changes);
        sql.append(" WHERE ");
        rows(fc, model, where, sql);
        return execute(sql);
    }

    /** {@code col = value} per change; {@code qualifier} names the row's current values (an upsert's existing row). */
    private void appendChanges(Sql sql, String qualifier, Map<ScalarField, FieldUpdate> changes) {
        int i = 0;
        for (var e : changes.entrySet()) {
            if (i++ > 0) sql.append(", ");
            String col = dialect.quote(e.getKey().databaseName());
            sql.append(col).append(" = ");
            switch (e.getValue()) {
                case FieldUpdate.Set s -> sql.param(e.getKey(), s.value(), dialect);
                case FieldUpdate.Arithmetic a -> {
                    String op = switch (a.op()) {
                        case ADD -> " + ";
                        case SUBTRACT -> " - ";
                        case MULTIPLY -> " * ";
                        case DIVIDE -> " / ";
                    };
                    sql.append(qualifier + col).append(op).param(e.getKey(), dialect.arithmeticOperand(e.getKey(), a.operand()), dialect);
                }
                case FieldUpdate.Push p -> {
                    if (!dialect.supportsScalarLists()) throw QueryError.validation("data." + e.getKey().name(), "scalar lists are not supported by this database");
                    sql.append("array_cat(").append(qualifier + col).append(", ").param(e.getKey(), p.values(), dialect).append(")");
                }
                case FieldUpdate.Unset u -> throw new IllegalStateException("unset exists on MongoDB only");
                case FieldUpdate.Composite c -> throw new IllegalStateException("composite types exist on MongoDB only");
            }
        }
    }

    @Override
    public long delete(Model model, Filter where) {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        Sql sql = new Sql().append(dialect.deleteFrom(fc.table(model), "t0")).append(" WHERE ");
        rows(fc, model, where, sql);
        return execute(sql);
    }

    @Override
    public List<Map<String, Object>> lockKeys(Model model, Filter where, Long limit) {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        List<ScalarField> key = keyFields(model);
        Sql sql = new Sql().append("SELECT ").append(String.join(", ", key.stream().map(f -> fc.column("t0", f)).toList()))
                .append(" FROM ").append(fc.table(model)).append(" t0 WHERE ");
        fc.compile(where, model, "t0", sql);
        if (limit != null) sql.append(dialect.limitOffset(limit, null));
        sql.append(dialect.lockRows());
        try (PreparedStatement ps = reader.prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < key.size(); i++) row.put(key.get(i).name(), dialect.read(rs, i + 1, key.get(i)));
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * The WHERE of an UPDATE or DELETE of {@code t0}: the filter on the row itself, so that the database checks it on
     * the row it is about to change. PostgreSQL, finding that row changed by a transaction that committed meanwhile,
     * checks the statement's own conditions again on the new version, but not what a subquery returned before: a
     * condition only inside a subquery on the same table lets a concurrent change be overwritten. A filter that reads
     * related rows selects the rows by key through a derived table (MySQL refuses a subquery on the table being
     * changed, which a self-relation needs), with the conditions on the row's own columns repeated outside it.
     */
    private void rows(FilterCompiler fc, Model model, Filter where, Sql sql) {
        if (!Filter.readsRelations(where)) {
            fc.compile(where, model, "t0", sql);
            return;
        }
        byKey(fc, model, where, sql);
        List<Filter> own = where instanceof Filter.And and ? and.filters().stream().filter(f -> !Filter.readsRelations(f)).toList() : List.of();
        if (own.isEmpty()) return;
        sql.append(" AND ");
        fc.compile(Filter.and(own), model, "t0", sql);
    }

    /** {@code key IN (SELECT key FROM (SELECT t0.key FROM T t0 WHERE filter) x)}: the rows a filter selects, addressed by key. */
    private void byKey(FilterCompiler fc, Model model, Filter where, Sql sql) {
        if (where instanceof Filter.Constant c) {
            sql.append(c.value() ? "1=1" : "1=0");
            return;
        }
        List<ScalarField> key = keyFields(model);
        String columns = String.join(", ", key.stream().map(f -> dialect.quote(f.databaseName())).toList());
        sql.append(key.size() == 1 ? columns : "(" + columns + ")").append(" IN (SELECT ").append(columns).append(" FROM (SELECT ")
                .append(String.join(", ", key.stream().map(f -> fc.column("t0", f)).toList()))
                .append(" FROM ").append(fc.table(model)).append(" t0 WHERE ");
        fc.compile(where, model, "t0", sql);
        sql.append(") x)");
    }

    static List<ScalarField> keyFields(Model model) {
        if (model.primaryKey() != null) return model.primaryKey().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        for (var u : model.uniqueIndexes()) return u.fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        throw new QueryError("P2009", "The model " + model.name() + " has no unique criterion; it cannot be written to.");
    }

    /** One row per pair in the join table; pairs already there are kept once. */
    @Override
    public void connect(RelationLink link, Object parentId, List<Object> childIds) {
        if (childIds.isEmpty()) return;
        JoinTable table = joinTable(link);
        Model ma = schema.model(table.modelA());
        Model mb = schema.model(table.modelB());
        ScalarField idA = keyFields(ma).getFirst();
        ScalarField idB = keyFields(mb).getFirst();
        boolean parentIsA = link.parentJoinColumn().equals(JoinTable.COLUMN_A);
        Sql sql = new Sql().append(dialect.insertIgnore()).append(dialect.table(table.tableName(), ma.schema()))
                .append(" (").append(dialect.quote(JoinTable.COLUMN_A)).append(", ").append(dialect.quote(JoinTable.COLUMN_B)).append(") VALUES ");
        for (int i = 0; i < childIds.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append("(").param(idA, parentIsA ? parentId : childIds.get(i), dialect).append(", ")
                    .param(idB, parentIsA ? childIds.get(i) : parentId, dialect).append(")");
        }
        sql.append(dialect.onConflictIgnore());
        execute(sql);
    }

    @Override
    public long disconnect(RelationLink link, Object parentId, List<Object> childIds) {
        JoinTable table = joinTable(link);
        Model ma = schema.model(table.modelA());
        Model mb = schema.model(table.modelB());
        boolean parentIsA = link.parentJoinColumn().equals(JoinTable.COLUMN_A);
        Sql sql = new Sql().append("DELETE FROM ").append(dialect.table(table.tableName(), ma.schema())).append(" WHERE 1=1");
        inList(sql, JoinTable.COLUMN_A, keyFields(ma).getFirst(), parentIsA ? List.of(parentId) : childIds);
        inList(sql, JoinTable.COLUMN_B, keyFields(mb).getFirst(), parentIsA ? childIds : List.of(parentId));
        return execute(sql);
    }

    @Override
    public long disconnectAll(RelationLink link, Filter parents) {
        JoinTable table = joinTable(link);
        Model model = link.parent();
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        ScalarField id = keyFields(model).getFirst();
        // Through a derived table, which MySQL accepts even when the filter reads the join table itself.
        Sql sql = new Sql().append("DELETE FROM ").append(dialect.table(table.tableName(), schema.model(table.modelA()).schema()))
                .append(" WHERE ").append(dialect.quote(link.parentJoinColumn())).append(" IN (SELECT ").append(dialect.quote(id.databaseName()))
                .append(" FROM (SELECT ").append(fc.column("t0", id)).append(" FROM ").append(fc.table(model)).append(" t0 WHERE ");
        fc.compile(parents, model, "t0", sql);
        sql.append(") x)");
        return execute(sql);
    }

    /** A SQL database keeps every many-to-many relation in a join table (key lists are MongoDB's). */
    private static JoinTable joinTable(RelationLink link) {
        if (!link.viaJoinTable()) throw new IllegalArgumentException(link.parent().name() + "." + link.field().name() + " has no join table");
        return link.joinTable();
    }

    private void inList(Sql sql, String column, ScalarField type, List<Object> values) {
        if (values == null) return;
        if (values.isEmpty()) {
            sql.append(" AND 1=0");
            return;
        }
        sql.append(" AND ").append(dialect.quote(column)).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.param(type, values.get(i), dialect);
        }
        sql.append(")");
    }

    private long execute(Sql sql) {
        try (PreparedStatement ps = reader.prepare(connection, sql)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }
}
