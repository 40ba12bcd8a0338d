package dev.facet.data.sql.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Views in {@code facet pull} (issue 17), as {@code prisma db pull} writes them since Prisma 6.13: {@code view} blocks
 * after the models, with the views preview feature in a generator block, each column with the catalog's optionality,
 * native type and default, no {@code @id} or {@code @unique} (and no {@code @@ignore}), {@code @@map}/{@code @map}
 * for names Prisma cannot use. The tables and views are those of prisma-engines' own introspection tests
 * ({@code sql-introspection-tests/tests/views}), so the expected text is Prisma's, plus a view with names to map.
 */
class SchemaPullerViewsTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final String GENERATOR = """
            generator client {
              provider        = "prisma-client-js"
              previewFeatures = ["views"]
            }

            """;

    private static final Map<DbKind, List<String>> DDL = Map.of(
            DbKind.POSTGRES, List.of(
                    "CREATE TABLE \"User\" (id SERIAL PRIMARY KEY, first_name VARCHAR(255) NOT NULL, last_name VARCHAR(255) NULL)",
                    "CREATE VIEW \"Schwuser\" AS SELECT id, first_name, last_name FROM \"User\"",
                    "CREATE VIEW \"user names\" AS SELECT first_name AS \"first name\" FROM \"User\""),
            DbKind.MYSQL, List.of(
                    "CREATE TABLE A (id INT PRIMARY KEY, first_name VARCHAR(255) NOT NULL, last_name VARCHAR(255) NULL)",
                    "CREATE VIEW B AS SELECT id, first_name, last_name FROM A",
                    "CREATE VIEW `user names` AS SELECT first_name AS `first name` FROM A"),
            DbKind.SQLITE, List.of(
                    "CREATE TABLE User (id INT NOT NULL PRIMARY KEY, first_name VARCHAR(255) NOT NULL, last_name VARCHAR(255) NULL)",
                    "CREATE VIEW Schwuser AS SELECT id, first_name, last_name FROM User",
                    "CREATE VIEW \"user names\" AS SELECT first_name AS \"first name\" FROM User"));

    private static final Map<DbKind, String> EXPECTED = Map.of(
            DbKind.POSTGRES, GENERATOR + """
                    datasource db {
                      provider = "postgresql"
                    }

                    model User {
                      id         Int     @id @default(autoincrement())
                      first_name String  @db.VarChar(255)
                      last_name  String? @db.VarChar(255)
                    }

                    view Schwuser {
                      id         Int?
                      first_name String? @db.VarChar(255)
                      last_name  String? @db.VarChar(255)
                    }

                    view user_names {
                      first_name String? @map("first name") @db.VarChar(255)

                      @@map("user names")
                    }
                    """,
            DbKind.MYSQL, GENERATOR + """
                    datasource db {
                      provider = "mysql"
                    }

                    model A {
                      id         Int     @id
                      first_name String  @db.VarChar(255)
                      last_name  String? @db.VarChar(255)
                    }

                    view B {
                      id         Int
                      first_name String  @db.VarChar(255)
                      last_name  String? @db.VarChar(255)
                    }

                    view user_names {
                      first_name String @map("first name") @db.VarChar(255)

                      @@map("user names")
                    }
                    """,
            DbKind.SQLITE, GENERATOR + """
                    datasource db {
                      provider = "sqlite"
                    }

                    model User {
                      id         Int     @id
                      first_name String
                      last_name  String?
                    }

                    view Schwuser {
                      id         Int?
                      first_name String?
                      last_name  String?
                    }

                    view user_names {
                      first_name String? @map("first name")

                      @@map("user names")
                    }
                    """);

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void viewsAreWrittenAsPrismaWritesThem(DbKind kind) throws Exception {
        SqlDatabase db = DBS.fresh(kind).open();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : DDL.get(kind)) s.execute(statement);
        }

        String text = SchemaPuller.pull(db);

        assertThat(text).isEqualTo(EXPECTED.get(kind));
        Schema pulled = SchemaPullerTest.load(SchemaLoader.load(new SourceFile("pulled.prisma", text)));
        assertThat(pulled.models().stream().filter(m -> m.view()).map(m -> m.databaseName()).toList()).hasSize(2).contains("user names");
    }
}
