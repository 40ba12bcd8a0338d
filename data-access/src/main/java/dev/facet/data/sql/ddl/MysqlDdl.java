package dev.facet.data.sql.ddl;

import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.sql.ddl.DdlPlan.Column;
import dev.facet.data.sql.ddl.DdlPlan.EnumDef;
import dev.facet.data.sql.ddl.DdlPlan.ForeignKey;
import dev.facet.data.sql.ddl.DdlPlan.Index;
import dev.facet.data.sql.ddl.DdlPlan.IndexColumn;
import dev.facet.data.sql.ddl.DdlPlan.Table;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** MySQL and MariaDB. DDL is not transactional here: a failed push drops the tables it created. */
final class MysqlDdl extends DdlDialect {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Override SqlFamily family() { return SqlFamily.MYSQL; }

    @Override int maxIdentifierLength() { return 64; }

    @Override boolean transactionalDdl() { return false; }

    @Override boolean fulltextIndexes() { return true; }

    @Override
    String scalarType(ScalarField field) {
        NativeType nt = field.nativeType();
        if (nt == null) {
            return switch (field.scalarType()) {
                case STRING -> "VARCHAR(191)";
                case BOOLEAN -> "BOOLEAN";
                case INT -> "INTEGER";
                case BIG_INT -> "BIGINT";
                case FLOAT -> "DOUBLE";
                case DECIMAL -> "DECIMAL(65, 30)";
                case DATE_TIME -> "DATETIME(3)";
                case JSON -> "JSON";
                case BYTES -> "LONGBLOB";
            };
        }
        return switch (nt.name()) {
            case "Int" -> "INTEGER";
            case "UnsignedInt" -> "INTEGER UNSIGNED";
            case "UnsignedSmallInt" -> "SMALLINT UNSIGNED";
            case "UnsignedTinyInt" -> "TINYINT UNSIGNED";
            case "UnsignedMediumInt" -> "MEDIUMINT UNSIGNED";
            case "UnsignedBigInt" -> "BIGINT UNSIGNED";
            case "TinyInt" -> field.scalarType() == ScalarType.BOOLEAN ? "BOOLEAN" : "TINYINT";
            default -> nt.name().toUpperCase(Locale.ROOT) + args(nt, ", ");
        };
    }

    @Override
    String enumType(EnumDef enumType) {
        return "ENUM(" + enumType.values().stream().map(this::stringLiteral).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    String now(ScalarField field) {
        NativeType nt = field.nativeType();
        if (nt != null && (nt.name().equals("DateTime") || nt.name().equals("Timestamp"))) {
            // The default's precision must match the column's; Prisma writes (3) even for a DATETIME(0), which fails.
            return nt.arguments().isEmpty() ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + nt.arguments().getFirst() + ")";
        }
        return "CURRENT_TIMESTAMP(3)";
    }

    @Override
    String dateTimeLiteral(String iso) {
        // MariaDB does not read a UTC offset in a datetime literal; values are stored in UTC.
        return stringLiteral(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).format(DATETIME));
    }

    /** Prisma writes no Json default on MySQL: the server does not accept literal defaults on JSON columns. */
    @Override
    String jsonLiteral(String json) { return null; }

    /** Prisma writes no Bytes default on MySQL: BLOB columns cannot have literal defaults. */
    @Override
    String bytesLiteral(byte[] bytes) { return null; }

    @Override
    List<DdlStatement> render(DdlPlan plan) {
        List<DdlStatement> out = new ArrayList<>();
        for (Table t : plan.tables()) out.add(new DdlStatement(createTable(t), t));
        for (Table t : plan.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                out.add(DdlStatement.of("ALTER TABLE " + quote(t.name()) + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                        + quotedList(fk.columns()) + ") REFERENCES " + quote(fk.referencedTable()) + "("
                        + quotedList(fk.referencedColumns()) + ")" + actions(fk)));
            }
        }
        return out;
    }

    private String createTable(Table t) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (\n");
        sb.append(t.columns().stream().map(this::column).collect(Collectors.joining(",\n")));
        List<String> keys = new ArrayList<>();
        for (Index i : t.indexes()) {
            String kind = switch (i.kind()) {
                case UNIQUE -> "UNIQUE INDEX ";
                case FULLTEXT -> "FULLTEXT INDEX ";
                case NORMAL -> "INDEX ";
            };
            keys.add(INDENT + kind + quote(i.name()) + "(" + indexColumns(i.columns(), i.kind() != IndexKind.FULLTEXT) + ")");
        }
        if (t.primaryKey() != null) keys.add(INDENT + "PRIMARY KEY (" + indexColumns(t.primaryKey().columns(), true) + ")");
        if (!keys.isEmpty()) sb.append(",\n\n").append(String.join(",\n", keys));
        return sb.append("\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").toString();
    }

    private String indexColumns(List<IndexColumn> columns, boolean withOptions) {
        return columns.stream().map(c -> quote(c.name())
                        + (withOptions && c.length() != null ? "(" + c.length() + ")" : "")
                        + (withOptions && c.descending() != null ? (c.descending() ? " DESC" : " ASC") : ""))
                .collect(Collectors.joining(", "));
    }

    private String column(Column c) {
        return INDENT + quote(c.name()) + " " + c.type() + (c.notNull() ? " NOT NULL" : " NULL")
                + (c.defaultSql() != null ? " DEFAULT " + c.defaultSql() : "")
                + (c.autoincrement() ? " AUTO_INCREMENT" : "");
    }

    @Override
    List<String> existing(Connection connection, DdlPlan plan) throws SQLException {
        Set<String> present = new HashSet<>();
        boolean caseInsensitive;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @@lower_case_table_names")) {
                caseInsensitive = rs.next() && rs.getInt(1) != 0;
            }
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
                while (rs.next()) present.add(caseInsensitive ? rs.getString(1).toLowerCase(Locale.ROOT) : rs.getString(1));
            }
        }
        List<String> found = new ArrayList<>();
        for (Table t : plan.tables()) {
            if (present.contains(caseInsensitive ? t.name().toLowerCase(Locale.ROOT) : t.name())) found.add(t.name());
        }
        return found;
    }

    @Override
    void dropCreated(Connection connection, List<Table> created) throws SQLException {
        if (created.isEmpty()) return;
        try (Statement s = connection.createStatement()) {
            // Created tables may reference each other; they are all ours and all go.
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (Table t : created.reversed()) s.execute("DROP TABLE IF EXISTS " + quote(t.name()));
            } finally {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }
}
