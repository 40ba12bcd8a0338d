package dev.facet.data.sql.ddl;

import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.sql.ddl.DdlPlan.Column;
import dev.facet.data.sql.ddl.DdlPlan.EnumDef;
import dev.facet.data.sql.ddl.DdlPlan.ForeignKey;
import dev.facet.data.sql.ddl.DdlPlan.Index;
import dev.facet.data.sql.ddl.DdlPlan.Table;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** SQLite: foreign keys live inside CREATE TABLE, and enums are text. */
final class SqliteDdl extends DdlDialect {
    @Override SqlFamily family() { return SqlFamily.SQLITE; }

    /** SQLite has no limit; Prisma uses this one. */
    @Override int maxIdentifierLength() { return 10000; }

    @Override
    String scalarType(ScalarField field) {
        return switch (field.scalarType()) {
            case STRING -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case INT -> "INTEGER";
            case BIG_INT -> "BIGINT";
            case FLOAT -> "REAL";
            case DECIMAL -> "DECIMAL";
            case DATE_TIME -> "DATETIME";
            case JSON -> "JSONB";
            case BYTES -> "BLOB";
        };
    }

    @Override
    String enumType(EnumDef enumType) { return "TEXT"; }

    /** An Int primary key of one column is the rowid, numbered by SQLite, with or without {@code autoincrement()}. */
    @Override
    boolean autoincrement(ScalarField field, Model model) {
        return field.scalarType() == ScalarType.INT && model.primaryKey() != null
                && model.primaryKey().fieldNames().equals(List.of(field.name()));
    }

    @Override
    List<DdlStatement> render(DdlPlan plan) {
        List<DdlStatement> out = new ArrayList<>();
        for (Table t : plan.tables()) out.add(new DdlStatement(createTable(t), t));
        for (Table t : plan.tables()) {
            for (Index i : t.indexes()) {
                out.add(DdlStatement.of("CREATE " + (i.kind() == IndexKind.UNIQUE ? "UNIQUE " : "") + "INDEX " + quote(i.name())
                        + " ON " + quote(t.name()) + "(" + i.columns().stream()
                        .map(c -> quote(c.name()) + (c.descending() == null ? "" : c.descending() ? " DESC" : " ASC"))
                        .collect(Collectors.joining(", ")) + ")"));
            }
        }
        return out;
    }

    private String createTable(Table t) {
        boolean singleKey = t.primaryKey() != null && t.primaryKey().columns().size() == 1;
        String keyColumn = singleKey ? t.primaryKey().columns().getFirst().name() : null;
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (\n");
        sb.append(t.columns().stream().map(c -> column(c, c.name().equals(keyColumn))).collect(Collectors.joining(",\n")));
        if (t.primaryKey() != null && !singleKey) {
            sb.append(",\n\n").append(INDENT).append("PRIMARY KEY (")
                    .append(quotedList(t.primaryKey().columns().stream().map(DdlPlan.IndexColumn::name).toList())).append(")");
        }
        for (ForeignKey fk : t.foreignKeys()) {
            sb.append(",\n").append(INDENT).append("CONSTRAINT ").append(quote(fk.name())).append(" FOREIGN KEY (")
                    .append(quotedList(fk.columns())).append(") REFERENCES ").append(quote(fk.referencedTable())).append(" (")
                    .append(quotedList(fk.referencedColumns())).append(")").append(actions(fk));
        }
        return sb.append("\n)").toString();
    }

    private String column(Column c, boolean primaryKey) {
        return INDENT + quote(c.name()) + " " + c.type() + (c.notNull() ? " NOT NULL" : "")
                + (primaryKey ? " PRIMARY KEY" : "") + (primaryKey && c.autoincrement() ? " AUTOINCREMENT" : "")
                + (c.defaultSql() != null ? " DEFAULT " + c.defaultSql() : "");
    }

    @Override
    List<String> existing(Connection connection, DdlPlan plan) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")) {
            // SQLite compares table names without regard to ASCII case.
            while (rs.next()) present.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
        List<String> found = new ArrayList<>();
        for (Table t : plan.tables()) if (present.contains(t.name().toLowerCase(Locale.ROOT))) found.add(t.name());
        return found;
    }
}
