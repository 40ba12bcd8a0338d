package dev.facet.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Create it and push the schema" (issue 17): a database that does not exist, or exists without a table, is offered
 * with the statements {@code facet push} would run ({@code CREATE DATABASE} first when it is missing); creating it
 * makes a database the schema's engine then reads and writes. A database with tables is never offered.
 */
class SchemaCreationTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static Schema schema(DbKind kind) {
        String provider = kind == DbKind.POSTGRES ? "postgresql" : kind == DbKind.MYSQL ? "mysql" : "sqlite";
        return SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "%s"
                }

                model Author {
                  id    Int    @id @default(autoincrement())
                  name  String @unique
                  books Book[]
                }

                model Book {
                  id       Int    @id @default(autoincrement())
                  title    String
                  author   Author @relation(fields: [authorId], references: [id])
                  authorId Int
                }
                """.formatted(provider))).schema().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aMissingDatabaseIsCreatedAndGetsTheSchemasTables(DbKind kind) throws Exception {
        TestDatabase db = DBS.fresh(kind);
        // A fresh name the server does not have: made, then dropped (the class drops it again at the end).
        switch (kind) {
            case POSTGRES -> TestDatabases.runAsAdmin(kind, "DROP DATABASE \"" + db.name() + "\"");
            case MYSQL -> TestDatabases.runAsAdmin(kind, "DROP DATABASE `" + db.name() + "`");
            case SQLITE -> Files.deleteIfExists(db.baseDirectory().resolve(db.name()));
        }
        Schema schema = schema(kind);

        SchemaCreation.Offer offer = SchemaCreation.offer(schema, db.url(), db.baseDirectory()).orElseThrow();
        assertThat(offer.databaseMissing()).isTrue();
        assertThat(offer.tableCount()).isEqualTo(2);
        assertThat(offer.target()).contains(db.name());
        switch (kind) {
            case POSTGRES -> assertThat(offer.statements().getFirst()).isEqualTo("CREATE DATABASE \"" + db.name() + "\";");
            case MYSQL -> assertThat(offer.statements().getFirst())
                    .isEqualTo("CREATE DATABASE `" + db.name() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
            case SQLITE -> assertThat(offer.statements().getFirst()).startsWith("CREATE TABLE \"Author\"");
        }
        assertThat(offer.toString()).doesNotContain("facet-admin-pw");

        assertThat(SchemaCreation.create(offer)).startsWith("Created 2 tables, 1 index, 1 foreign key");
        try (QueryEngine engine = Engines.open(schema, db.url(), db.baseDirectory(), null)) {
            engine.execute("Book", "create", JsonCodec.parse("{\"data\": {\"title\": \"Emma\", \"author\": {\"create\": {\"name\": \"Austen\"}}}}"));
            assertThat(engine.execute("Author", "count", JsonCodec.parse("{}")).toString()).isEqualTo("1");
        }
        // Now it has tables: no more offer.
        assertThat(SchemaCreation.offer(schema, db.url(), db.baseDirectory())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anEmptyDatabaseGetsThePushOnly(DbKind kind) {
        TestDatabase db = DBS.fresh(kind);
        if (kind == DbKind.SQLITE) db.open();
        Schema schema = schema(kind);

        Optional<SchemaCreation.Offer> offer = SchemaCreation.offer(schema, db.url(), db.baseDirectory());
        assertThat(offer).isPresent();
        assertThat(offer.get().databaseMissing()).isFalse();
        assertThat(offer.get().statements()).noneMatch(s -> s.startsWith("CREATE DATABASE"));

        assertThat(SchemaCreation.create(offer.get())).startsWith("Created 2 tables");
        assertThat(SchemaCreation.offer(schema, db.url(), db.baseDirectory())).isEmpty();
    }
}
