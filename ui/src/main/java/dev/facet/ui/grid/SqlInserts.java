package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Records as SQL {@code INSERT} statements for the database the schema names: its table and column names ({@code @@map},
 * {@code @map}), its quoting, and literals it reads back as the same values (DateTime in UTC as Prisma stores it, Bytes
 * as hex, Boolean as that database keeps it, enums as their stored names). MongoDB speaks no SQL: {@link #whyNot} says so.
 */
final class SqlInserts {
    private final Schema schema;
    private final SqlFamily family;
    private final List<ScalarField> fields;
    private final String head;

    private SqlInserts(Schema schema, SqlFamily family, Model model, List<ScalarField> fields) {
        this.schema = schema;
        this.family = family;
        this.fields = fields;
        String table = model.schema() == null ? family.quote(model.databaseName()) : family.quote(model.schema()) + "." + family.quote(model.databaseName());
        this.head = "INSERT INTO " + table + " (" + String.join(", ", fields.stream().map(f -> family.quote(f.databaseName())).toList()) + ") VALUES (";
    }

    /** @return why the schema's database gets no SQL, or null when it does */
    static String whyNot(Schema schema) {
        Provider p = schema.provider().orElse(null);
        if (p == null) return "The schema names no database, so there is no SQL dialect to write";
        if (p == Provider.MONGODB) return "MongoDB speaks no SQL: copy or export as JSON (the documents insertMany takes) instead";
        if (p == Provider.SQLSERVER) return "SQL Server is not a database Facet writes SQL for";
        return null;
    }

    /** @return the statements' writer for {@code fieldNames} of {@code model}, or null when {@link #whyNot} says why not */
    static SqlInserts of(Schema schema, Model model, List<String> fieldNames) {
        if (whyNot(schema) != null) return null;
        List<ScalarField> fields = new ArrayList<>();
        for (String n : fieldNames) if (model.field(n) instanceof ScalarField s) fields.add(s);
        return new SqlInserts(schema, SqlFamily.of(schema.provider().orElseThrow()), model, fields);
    }

    /** @return one record as one statement, ending with {@code ;} */
    String statement(ObjectNode record) {
        StringBuilder sb = new StringBuilder(head);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(", ");
            ScalarField f = fields.get(i);
            sb.append(literal(f, record.get(f.name())));
        }
        return sb.append(");").toString();
    }

    private String literal(ScalarField f, JsonNode v) {
        if (v == null || v.isNull()) return "NULL";
        if (v.isArray() && f.isList()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(scalar(f, item)));
            // Only PostgreSQL has scalar lists; an empty ARRAY[] would need its element type.
            return items.isEmpty() ? "'{}'" : "ARRAY[" + String.join(", ", items) + "]";
        }
        return scalar(f, v);
    }

    private String scalar(ScalarField f, JsonNode v) {
        if (v == null || v.isNull()) return "NULL";
        if (f.scalarType() == null) return f.isEnum() ? string(enumValue(f, v.asText())) : string(v.asText());
        return switch (f.scalarType()) {
            case INT, FLOAT, BIG_INT, DECIMAL -> number(v.asText());
            case BOOLEAN -> family == SqlFamily.POSTGRES ? (v.asBoolean() ? "TRUE" : "FALSE") : v.asBoolean() ? "1" : "0";
            case DATE_TIME -> dateTime(v.asText());
            case JSON -> string(JsonCodec.write(v));
            case BYTES -> bytes(Base64.getDecoder().decode(v.asText()));
            default -> string(v.asText());
        };
    }

    /** A number as it is; anything else (NaN, Infinity) as a quoted string the database parses. */
    private String number(String text) { return text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?") ? text : string(text); }

    /** Prisma stores DateTime in UTC: PostgreSQL and MySQL get {@code 2025-01-04 09:03:00.000}, SQLite the ISO text it keeps. */
    private String dateTime(String iso) {
        if (family == SqlFamily.SQLITE || !iso.endsWith("Z")) return string(iso);
        return string(iso.substring(0, iso.length() - 1).replace('T', ' ') + (family == SqlFamily.POSTGRES ? "+00" : ""));
    }

    private String bytes(byte[] b) {
        String hex = HexFormat.of().formatHex(b);
        return family == SqlFamily.POSTGRES ? "'\\x" + hex + "'" : "X'" + hex + "'";
    }

    private String string(String s) {
        String escaped = s.replace("'", "''");
        // MySQL reads a backslash in a string as an escape (unless NO_BACKSLASH_ESCAPES).
        if (family == SqlFamily.MYSQL) escaped = escaped.replace("\\", "\\\\");
        return "'" + escaped + "'";
    }

    private String enumValue(ScalarField f, String name) {
        EnumType e = schema.enumType(f.typeName());
        var value = e == null ? null : e.value(name);
        return value == null ? name : value.databaseName();
    }
}
