package dev.facet.data.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.testdb.CatalogSnapshot;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code facet push} on real databases, checked through the catalogs: against the DDL Prisma's schema engine writes
 * for the same schema ({@code push/*.reference.sql}, applied to a second empty database), and against the names,
 * types and actions Prisma gives.
 */
class SchemaPusherTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final Path RESOURCES = Path.of("src/test/resources/push");
    private static final Map<DbKind, String> FILES = Map.of(DbKind.POSTGRES, "postgresql", DbKind.MYSQL, "mysql", DbKind.SQLITE, "sqlite");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pushGivesTheSameCatalogAsPrismasDdl(DbKind kind) throws Exception {
        SqlDatabase pushed = DBS.fresh(kind).open();
        PushResult result = SchemaPusher.push(schema(kind), pushed);

        SqlDatabase reference = DBS.fresh(kind).open();
        runScript(reference, Files.readString(RESOURCES.resolve(FILES.get(kind) + ".reference.sql")));

        List<String> facet = CatalogSnapshot.of(pushed, kind, "public");
        assertThat(facet).isNotEmpty().containsExactlyElementsOf(CatalogSnapshot.of(reference, kind, "public"));

        // 6 models and 2 implicit many-to-many tables; PostgreSQL keys the join tables instead of a unique index.
        assertThat(result.tables()).isEqualTo(8);
        assertThat(result.indexes()).isEqualTo(kind == DbKind.POSTGRES ? 10 : 12);
        assertThat(result.foreignKeys()).isEqualTo(9);
        assertThat(result.enums()).isEqualTo(kind == DbKind.POSTGRES ? 2 : 0);
        assertThat(result.summary()).matches("Created 8 tables, 1[02] indexes, 9 foreign keys(, 2 enums)? in \\d+ ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite", "postgresql-multischema", "postgresql-native"})
    void scriptIsWordForWordPrismas(String name) throws Exception {
        Schema schema = loaded(SchemaLoader.load(RESOURCES.resolve(name + ".prisma")));
        List<String> prisma = statements(Files.readString(RESOURCES.resolve(name + ".reference.sql")));
        // With one schema Prisma leaves tables unqualified and relies on the search path; Facet names the schema.
        List<String> facet = SchemaPusher.script(schema, schema.provider().orElseThrow(), "public").stream()
                .map(s -> s.substring(0, s.length() - 1))
                .map(s -> !name.equals("postgresql-multischema") && !name.equals("sqlite") ? s.replace("\"public\".\"", "\"") : s).toList();

        assertThat(facet).containsExactlyElementsOf(prisma);
    }

    @Test
    void multiSchemaPushGivesTheSameCatalogAsPrismasDdl() throws Exception {
        Schema schema = loaded(SchemaLoader.load(RESOURCES.resolve("postgresql-multischema.prisma")));
        SqlDatabase pushed = DBS.fresh(DbKind.POSTGRES).open();
        SchemaPusher.push(schema, pushed);
        SqlDatabase reference = DBS.fresh(DbKind.POSTGRES).open();
        runScript(reference, Files.readString(RESOURCES.resolve("postgresql-multischema.reference.sql")));

        for (String namespace : List.of("base", "shop")) {
            assertThat(CatalogSnapshot.of(pushed, DbKind.POSTGRES, namespace)).isNotEmpty()
                    .containsExactlyElementsOf(CatalogSnapshot.of(reference, DbKind.POSTGRES, namespace));
        }
    }

    @Test
    void postgresCatalogHasPrismasNamesTypesDefaultsAndActions() {
        SqlDatabase db = DBS.fresh(DbKind.POSTGRES).open();
        SchemaPusher.push(schema(DbKind.POSTGRES), db);

        assertThat(CatalogSnapshot.of(db, DbKind.POSTGRES, "public")).contains(
                "enum user_role USER,admin",
                "enum Status DRAFT,PUBLISHED",
                "column users.1 id integer NOT NULL DEFAULT nextval('users_id_seq'::regclass)",
                "column users.2 email text NOT NULL",
                "column users.3 name text NULL",
                "column users.4 role user_role NOT NULL DEFAULT 'USER'::user_role",
                "column users.5 roles user_role[] NULL DEFAULT ARRAY['USER'::user_role, 'admin'::user_role]",
                "column users.6 balance numeric(12,2) NOT NULL DEFAULT 0",
                "column users.7 ratio numeric(65,30) NULL",
                "column users.8 big_count bigint NOT NULL DEFAULT 42",
                "column users.9 score double precision NOT NULL DEFAULT 1.5",
                "column users.10 active boolean NOT NULL DEFAULT true",
                "column users.11 created_at timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "column users.12 updatedAt timestamp(3) without time zone NOT NULL",
                "column users.13 birthday date NULL",
                "column users.14 settings jsonb NULL",
                "column users.15 prefs jsonb NOT NULL DEFAULT '{\"theme\": \"dark\"}'::jsonb",
                "column users.16 avatar bytea NULL",
                "column users.17 tags text[] NULL",
                "column users.18 code uuid NOT NULL",
                "column users.19 nickname character varying(50) NOT NULL DEFAULT 'it''s me'::character varying",
                "column Post.1 id bigint NOT NULL DEFAULT nextval('\"Post_id_seq\"'::regclass)",
                "column Post.6 publishedAt timestamp(6) with time zone NULL",
                "column Post.7 views smallint NOT NULL DEFAULT 0",
                "column _CategoryToPost.1 A integer NOT NULL",
                "column _CategoryToPost.2 B bigint NOT NULL",
                "constraint users users_pkey p PRIMARY KEY (id)",
                "constraint Order Order_pkey p PRIMARY KEY (\"shopId\", number)",
                "constraint _follows _follows_AB_pkey p PRIMARY KEY (\"A\", \"B\")",
                "constraint Profile Profile_user_id_fkey f FOREIGN KEY (user_id) REFERENCES users(id) ON UPDATE CASCADE ON DELETE CASCADE",
                "constraint Post Post_authorId_fkey f FOREIGN KEY (\"authorId\") REFERENCES users(id) ON UPDATE CASCADE ON DELETE RESTRICT",
                "constraint Post post_editor_fk f FOREIGN KEY (\"editorId\") REFERENCES users(id) ON DELETE SET NULL",
                "constraint Category Category_parentId_fkey f FOREIGN KEY (\"parentId\") REFERENCES \"Category\"(id) ON UPDATE CASCADE ON DELETE SET NULL",
                "constraint OrderLine OrderLine_shopId_number_fkey f FOREIGN KEY (\"shopId\", number) REFERENCES \"Order\"(\"shopId\", number) ON UPDATE CASCADE ON DELETE CASCADE",
                "constraint _CategoryToPost _CategoryToPost_A_fkey f FOREIGN KEY (\"A\") REFERENCES \"Category\"(id) ON UPDATE CASCADE ON DELETE CASCADE",
                "constraint _CategoryToPost _CategoryToPost_B_fkey f FOREIGN KEY (\"B\") REFERENCES \"Post\"(id) ON UPDATE CASCADE ON DELETE CASCADE",
                "index users users_email_key CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)",
                "index users users_name_created_at_idx CREATE INDEX users_name_created_at_idx ON public.users USING btree (name, created_at DESC)",
                "index Post post_author_title CREATE UNIQUE INDEX post_author_title ON public.\"Post\" USING btree (\"authorId\", title)",
                "index _CategoryToPost _CategoryToPost_B_index CREATE INDEX \"_CategoryToPost_B_index\" ON public.\"_CategoryToPost\" USING btree (\"B\")");
    }

    @Test
    void mysqlCatalogHasPrismasNamesTypesDefaultsAndActions() {
        SqlDatabase db = DBS.fresh(DbKind.MYSQL).open();
        SchemaPusher.push(schema(DbKind.MYSQL), db);

        assertThat(CatalogSnapshot.of(db, DbKind.MYSQL, null)).contains(
                "table users utf8mb4_unicode_ci",
                "column users.1 id int(11) NOT NULL DEFAULT null AUTO_INCREMENT",
                "column users.2 email varchar(191) NOT NULL DEFAULT null",
                "column users.3 name varchar(191) NULL DEFAULT NULL",
                "column users.4 role enum('USER','admin') NOT NULL DEFAULT 'USER'",
                "column users.5 balance decimal(12,2) NOT NULL DEFAULT 0.00",
                "column users.9 active tinyint(1) NOT NULL DEFAULT 1",
                "column users.10 created_at datetime(3) NOT NULL DEFAULT current_timestamp(3)",
                "column users.14 prefs longtext NOT NULL DEFAULT null",
                "column users.15 avatar longblob NULL DEFAULT NULL",
                "column users.16 code char(36) NOT NULL DEFAULT null",
                "index users PRIMARY unique 1:id A null BTREE",
                "index users users_email_key unique 1:email A null BTREE",
                "index users users_name_created_at_idx 2:created_at D null BTREE",
                "index _follows _follows_AB_unique unique 1:A A null BTREE",
                "index _follows _follows_B_index 1:B A null BTREE",
                "foreign key Post post_editor_fk (editorId) -> users (id) ON DELETE SET NULL ON UPDATE NO ACTION",
                "foreign key OrderLine OrderLine_shopId_number_fkey (shopId,number) -> Order (shopId,number) ON DELETE CASCADE ON UPDATE CASCADE",
                "foreign key _CategoryToPost _CategoryToPost_B_fkey (B) -> Post (id) ON DELETE CASCADE ON UPDATE CASCADE");
    }

    @Test
    void sqliteCatalogHasPrismasNamesTypesDefaultsAndActions() {
        SqlDatabase db = DBS.fresh(DbKind.SQLITE).open();
        SchemaPusher.push(schema(DbKind.SQLITE), db);

        assertThat(CatalogSnapshot.of(db, DbKind.SQLITE, null)).contains(
                "table users autoincrement",
                "column users.0 id INTEGER NOT NULL DEFAULT null pk=1",
                "column users.3 role TEXT NOT NULL DEFAULT 'USER' pk=0",
                "column users.4 balance DECIMAL NOT NULL DEFAULT 0 pk=0",
                "column users.9 created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP pk=0",
                "column users.13 prefs JSONB NOT NULL DEFAULT null pk=0",
                "column users.14 avatar BLOB NULL DEFAULT null pk=0",
                "column Order.0 shopId INTEGER NOT NULL DEFAULT null pk=1",
                "column Order.1 number INTEGER NOT NULL DEFAULT null pk=2",
                "index users users_email_key unique origin=c",
                "index column users_name_created_at_idx 1:created_at DESC",
                "index _follows _follows_AB_unique unique origin=c",
                "foreign key name Post Post_editorId_fkey (\"editorId\")",
                "foreign key Post 0.0 editorId -> users.id ON DELETE SET NULL ON UPDATE NO ACTION",
                "foreign key name _CategoryToPost _CategoryToPost_A_fkey (\"A\")",
                "foreign key OrderLine 0.1 number -> Order.number ON DELETE CASCADE ON UPDATE CASCADE");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void secondPushStopsBeforeChangingAnythingAndNamesTheTables(DbKind kind) {
        SqlDatabase db = DBS.fresh(kind).open();
        SchemaPusher.push(schema(kind), db);
        List<String> before = CatalogSnapshot.of(db, kind, "public");

        assertThatThrownBy(() -> SchemaPusher.push(schema(kind), db))
                .isInstanceOfSatisfying(TablesAlreadyExistException.class, e -> {
                    List<String> expected = kind == DbKind.POSTGRES
                            ? List.of("type user_role", "type Status", "users", "Profile", "Post", "Category", "Order", "OrderLine",
                                      "_follows", "_CategoryToPost")
                            : List.of("users", "Profile", "Post", "Category", "Order", "OrderLine", "_follows", "_CategoryToPost");
                    assertThat(e.existing()).containsExactlyElementsOf(expected);
                    assertThat(e.getMessage()).startsWith("The database already has " + expected.size() + " of the schema's tables: ")
                            .endsWith("facet push only creates tables in a database that does not have them yet; it never alters or drops existing tables.");
                });
        assertThat(CatalogSnapshot.of(db, kind, "public")).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void oneExistingTableIsNamedAndNothingIsCreated(DbKind kind) throws Exception {
        SqlDatabase db = DBS.fresh(kind).open();
        String quoted = kind == DbKind.MYSQL ? "`Category`" : "\"Category\"";
        runScript(db, "CREATE TABLE " + quoted + " (id INTEGER PRIMARY KEY);");

        assertThatThrownBy(() -> SchemaPusher.push(schema(kind), db))
                .isInstanceOf(TablesAlreadyExistException.class)
                .hasMessageStartingWith("The database already has \"Category\". facet push only creates tables");
        assertThat(CatalogSnapshot.of(db, kind, "public")).noneMatch(line -> line.contains("users"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailingStatementLeavesNothingBehind(DbKind kind) {
        SqlDatabase db = DBS.fresh(kind).open();
        Schema broken = parse(kind, """
                model Good {
                  id Int @id
                }
                model Bad {
                  id    Int    @id
                  value String @default(dbgenerated("no_such_function()"))
                }
                """);
        // SQLite accepts any default expression at CREATE TABLE time, so it fails on a duplicate index name instead.
        Schema failing = kind == DbKind.SQLITE ? parse(kind, """
                model Good {
                  id Int @id
                  a  Int
                  @@index([a], map: "clash")
                }
                model Bad {
                  id Int @id
                  b  Int
                  @@index([b], map: "clash")
                }
                """) : broken;

        assertThatThrownBy(() -> SchemaPusher.push(failing, db))
                .isInstanceOf(SchemaPushException.class)
                .isNotInstanceOf(TablesAlreadyExistException.class)
                .hasMessageStartingWith("Statement failed: ");
        assertThat(CatalogSnapshot.of(db, kind, "public")).isEmpty();
    }

    @Test
    void postgresMultiSchemaCreatesSchemasAndQualifiesEverything() {
        TestDatabase target = DBS.fresh(DbKind.POSTGRES);
        SqlDatabase db = target.open();
        Schema schema = parse(DbKind.POSTGRES, """
                datasource db {
                  provider = "postgresql"
                  schemas  = ["base", "shop"]
                }
                enum Kind {
                  A
                  B
                  @@schema("base")
                }
                model Customer {
                  id     Int     @id @default(autoincrement())
                  kind   Kind
                  orders Order[]
                  tags   Tag[]
                  @@schema("base")
                }
                model Order {
                  id         Int      @id @default(autoincrement())
                  customer   Customer @relation(fields: [customerId], references: [id])
                  customerId Int
                  @@schema("shop")
                }
                model Tag {
                  id        Int        @id
                  customers Customer[]
                  @@schema("shop")
                }
                """, false);

        PushResult result = SchemaPusher.push(schema, db);

        assertThat(result.statements()).startsWith("CREATE SCHEMA \"base\"", "CREATE SCHEMA \"shop\"");
        assertThat(CatalogSnapshot.of(db, DbKind.POSTGRES, "base")).contains(
                "enum Kind A,B",
                "column Customer.2 kind base.\"Kind\" NOT NULL",
                "column _CustomerToTag.1 A integer NOT NULL",
                "constraint _CustomerToTag _CustomerToTag_B_fkey f FOREIGN KEY (\"B\") REFERENCES shop.\"Tag\"(id) ON UPDATE CASCADE ON DELETE CASCADE");
        assertThat(CatalogSnapshot.of(db, DbKind.POSTGRES, "shop")).contains(
                "constraint Order Order_customerId_fkey f FOREIGN KEY (\"customerId\") REFERENCES base.\"Customer\"(id) ON UPDATE CASCADE ON DELETE RESTRICT");
        assertThat(CatalogSnapshot.of(db, DbKind.POSTGRES, "public")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void relationModePrismaCreatesNoForeignKeys(DbKind kind) {
        SqlDatabase db = DBS.fresh(kind).open();
        Schema schema = parse(kind, """
                model Author {
                  id    Int    @id
                  books Book[]
                  tags  Tag[]
                }
                model Book {
                  id       Int    @id
                  author   Author @relation(fields: [authorId], references: [id])
                  authorId Int
                  @@index([authorId])
                }
                model Tag {
                  id      Int      @id
                  authors Author[]
                }
                """, true);

        PushResult result = SchemaPusher.push(schema, db);

        assertThat(result.foreignKeys()).isZero();
        assertThat(result.tables()).isEqualTo(4);
        assertThat(CatalogSnapshot.of(db, kind, "public")).noneMatch(l -> l.contains("foreign key") || l.contains(" f FOREIGN KEY"))
                .anyMatch(l -> l.contains("Book_authorId_idx")).anyMatch(l -> l.contains("_AuthorToTag_B_index"));
    }

    @Test
    void scriptIsPrismasDdlForAnImplicitManyToMany() {
        Schema schema = parse(DbKind.POSTGRES, """
                model Post {
                  id   Int   @id @default(autoincrement())
                  tags Tag[]
                }
                model Tag {
                  id    String @id
                  posts Post[]
                }
                """);

        assertThat(SchemaPusher.script(schema, schema.provider().orElseThrow(), "public")).containsExactly(
                "CREATE SCHEMA IF NOT EXISTS \"public\";",
                "CREATE TABLE \"public\".\"Post\" (\n    \"id\" SERIAL NOT NULL,\n\n    CONSTRAINT \"Post_pkey\" PRIMARY KEY (\"id\")\n);",
                "CREATE TABLE \"public\".\"Tag\" (\n    \"id\" TEXT NOT NULL,\n\n    CONSTRAINT \"Tag_pkey\" PRIMARY KEY (\"id\")\n);",
                "CREATE TABLE \"public\".\"_PostToTag\" (\n    \"A\" INTEGER NOT NULL,\n    \"B\" TEXT NOT NULL,\n\n"
                        + "    CONSTRAINT \"_PostToTag_AB_pkey\" PRIMARY KEY (\"A\",\"B\")\n);",
                "CREATE INDEX \"_PostToTag_B_index\" ON \"public\".\"_PostToTag\"(\"B\");",
                "ALTER TABLE \"public\".\"_PostToTag\" ADD CONSTRAINT \"_PostToTag_A_fkey\" FOREIGN KEY (\"A\") REFERENCES \"public\".\"Post\"(\"id\") "
                        + "ON DELETE CASCADE ON UPDATE CASCADE;",
                "ALTER TABLE \"public\".\"_PostToTag\" ADD CONSTRAINT \"_PostToTag_B_fkey\" FOREIGN KEY (\"B\") REFERENCES \"public\".\"Tag\"(\"id\") "
                        + "ON DELETE CASCADE ON UPDATE CASCADE;");
    }

    @Test
    void sqliteJsonDefaultIsAQuotedLiteral() {
        // Prisma 7 writes this default unquoted, which SQLite rejects; Facet writes a string literal.
        Schema schema = parse(DbKind.SQLITE, """
                model Settings {
                  id    Int  @id
                  prefs Json @default("{\\"theme\\": \\"dark\\"}")
                }
                """);

        assertThat(SchemaPusher.script(schema, schema.provider().orElseThrow(), null)).containsExactly(
                "CREATE TABLE \"Settings\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
                        + "    \"prefs\" JSONB NOT NULL DEFAULT '{\"theme\": \"dark\"}'\n);");
    }

    @Test
    void mismatchedProviderIsRefused() {
        SqlDatabase db = DBS.get(DbKind.SQLITE).open();

        assertThatThrownBy(() -> SchemaPusher.push(schema(DbKind.MYSQL), db))
                .isInstanceOf(SchemaPushException.class)
                .hasMessage("The schema's datasource provider is mysql but the database is sqlite");
    }

    private static Schema schema(DbKind kind) {
        try {
            return loaded(SchemaLoader.load(RESOURCES.resolve(FILES.get(kind) + ".prisma")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema parse(DbKind kind, String models) { return parse(kind, models, false); }

    private static Schema parse(DbKind kind, String body, boolean relationModePrisma) {
        String text = body.contains("datasource") ? body : "datasource db {\n  provider = \"" + FILES.get(kind) + "\"\n"
                + (relationModePrisma ? "  relationMode = \"prisma\"\n" : "") + "}\n" + body;
        return loaded(SchemaLoader.load(new SourceFile("schema.prisma", text)));
    }

    private static Schema loaded(dev.facet.schema.LoadResult r) {
        assertThat(r.hasErrors()).as(() -> new DiagnosticRenderer(false).render(r.diagnostics())).isFalse();
        return r.schema().orElseThrow();
    }

    /** Runs a migration.sql-style script: {@code --} comment lines, statements ending in {@code ;} at a line end. */
    static void runScript(SqlDatabase db, String script) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements(script)) s.execute(sql);
        }
    }

    private static List<String> statements(String script) {
        String body = script.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(body.split(";\\s*(\n|$)")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
