package dev.facet.data.sql;

import dev.facet.data.connector.InsertScript;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

/**
 * Records as {@code INSERT} statements for the database they came from: its table and column names ({@code @@map},
 * {@code @map}, {@code @@schema}), its quoting, and the literals of its dialect ({@link SqlDialect#literal}), which the
 * database reads back as the same values.
 */
final class SqlInsertScript implements InsertScript {
    private final SqlDialect dialect;
    private final List<ScalarField> fields;
    private final String head;

    SqlInsertScript(SqlDialect dialect, Model model, List<ScalarField> fields) {
        this.dialect = dialect;
        this.fields = List.copyOf(fields);
        this.head = "INSERT INTO " + dialect.table(model.databaseName(), model.schema()) + " ("
                + String.join(", ", fields.stream().map(f -> dialect.quote(f.databaseName())).toList()) + ") VALUES (";
    }

    @Override public String language() { return "SQL INSERT"; }

    @Override public String extension() { return "sql"; }

    @Override
    public String statement(Map<String, Object> record) {
        StringBuilder sb = new StringBuilder(head);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(", ");
            ScalarField f = fields.get(i);
            sb.append(dialect.literal(f, record.get(f.name())));
        }
        return sb.append(");").toString();
    }
}
