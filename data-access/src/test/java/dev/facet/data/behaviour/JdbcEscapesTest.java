package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names and values that look like JDBC escapes ({@code {fn ...}}, {@code {d ...}}, {@code {call ...}}) are sent as
 * they are: Connector/J's escape processing would rewrite them even inside a backtick-quoted identifier.
 */
class JdbcEscapesTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE + """
            model Escaped {
              id    Int    @id @default(autoincrement()) @map("{fn now()}")
              name  String @map("{d '2024-01-01'} x")
              other String @default("{fn ucase('a')}") @map("{call p()}")

              @@map("{fn curdate()} t")
            }
            """;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void escapeLikeNamesAndValuesRoundTrip(DbKind kind) throws Exception {
        LoadResult loaded = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA.replace("%PROVIDER%", kind.provider().id())
                .replace("%MODE%", "foreignKeys")));
        Schema schema = loaded.schema().orElseThrow();
        SqlDatabase database = DBS.fresh(kind).open();
        SchemaPusher.push(schema, database);
        engine = new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), database, null));
        // The columns are named as the schema says (not rewritten on the way, as escape processing would).
        List<String> columns = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, null, "%curdate%", null)) {
            while (rs.next()) columns.add(rs.getString("COLUMN_NAME"));
        }
        assertThat(columns).containsExactlyInAnyOrder("{fn now()}", "{d '2024-01-01'} x", "{call p()}");
        run("Escaped", "create", "{\"data\": {\"name\": \"{fn concat('a', 'b')} {ts '2024-01-01 00:00:00'}\"}}");
        assertThat(run("Escaped", "findMany", "{\"where\": {\"name\": {\"startsWith\": \"{fn\"}}}").toString())
                .isEqualTo("[{\"id\":1,\"name\":\"{fn concat('a', 'b')} {ts '2024-01-01 00:00:00'}\",\"other\":\"{fn ucase('a')}\"}]");
        run("Escaped", "update", "{\"where\": {\"id\": 1}, \"data\": {\"other\": \"{escape '\\\\\\\\'}\"}}");
        assertThat(run("Escaped", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"other\": true}}").toString())
                .isEqualTo("{\"other\":\"{escape '\\\\\\\\'}\"}");
        assertThat(run("Escaped", "count", "{\"where\": {\"other\": {\"contains\": \"{escape\"}}}").asInt()).isEqualTo(1);
    }
}
