package dev.facet.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The window benchmark's database: a SQLite file with a model of a million rows (and a small related model, so the
 * grid reads a to-one relation as real schemas make it), created with {@link SchemaPusher} and filled with
 * {@code createMany} through Facet's {@link QueryEngine}. Seeding takes a while, so the file is kept in the output
 * folder and reused while its marker says it holds the same schema and row count.
 */
public final class MillionRowDatabase {
    public static final String MODEL = "Event";
    public static final int VENUES = 50;
    private static final int BATCH = 10_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
              url      = "file:./million.db"
            }

            enum Kind {
              VIEW
              CLICK
              PURCHASE
              REFUND
            }

            model Venue {
              id     Int     @id @default(autoincrement())
              name   String  @unique
              city   String
              events Event[]
            }

            model Event {
              id      Int      @id @default(autoincrement())
              name    String
              kind    Kind     @default(VIEW)
              at      DateTime
              amount  Decimal
              note    String?
              venueId Int
              venue   Venue    @relation(fields: [venueId], references: [id])

              @@index([venueId])
            }
            """;

    private MillionRowDatabase() {}

    /**
     * Makes sure {@code dir} holds the schema and a database of {@code rows} events.
     *
     * @return the schema file
     */
    public static Path ensure(Path dir, int rows) throws IOException {
        Files.createDirectories(dir);
        Path schemaFile = dir.resolve("schema.prisma");
        Path db = dir.resolve("million.db");
        Path marker = dir.resolve("million.ok");
        String expected = rows + " " + Integer.toHexString(SCHEMA.hashCode());
        if (Files.exists(db) && Files.exists(marker) && Files.readString(marker).equals(expected)
                && Files.exists(schemaFile) && Files.readString(schemaFile).equals(SCHEMA)) {
            System.out.printf("database: reusing %s (%,d rows)%n", db, rows);
            return schemaFile;
        }
        Files.deleteIfExists(marker);
        Files.deleteIfExists(db);
        Files.writeString(schemaFile, SCHEMA);
        Schema schema = SchemaLoader.load(new SourceFile(schemaFile.toString(), SCHEMA)).schema().orElseThrow();
        long t0 = System.nanoTime();
        try (SqlDatabase database = SqlDatabase.open(schema.provider().orElseThrow(), DatabaseUrl.parse("file:./million.db", dir), true)) {
            SchemaPusher.push(schema, database);
            QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), null, null));
            seed(engine, rows);
        }
        Files.writeString(marker, expected);
        System.out.printf("database: created %s with %,d rows in %.1f s%n", db, rows, (System.nanoTime() - t0) / 1e9);
        return schemaFile;
    }

    private static void seed(QueryEngine engine, int rows) {
        String[] cities = {"Amsterdam", "Utrecht", "Leiden", "Delft", "Haarlem"};
        ArrayNode venues = JSON.arrayNode();
        for (int v = 1; v <= VENUES; v++) venues.addObject().put("name", "Venue " + v).put("city", cities[v % cities.length]);
        engine.execute("Venue", "createMany", object(venues));
        String[] kinds = {"VIEW", "CLICK", "PURCHASE", "REFUND"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int from = 0; from < rows; from += BATCH) {
            ArrayNode data = JSON.arrayNode();
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                ObjectNode e = data.addObject();
                e.put("name", "Event " + (i + 1));
                e.put("kind", kinds[i % kinds.length]);
                e.put("at", start.plusSeconds(37L * i).toString());
                e.put("amount", (i % 100_000) / 100 + "." + String.format("%02d", i % 100));
                if (i % 3 == 0) e.put("note", "Note for event " + (i + 1));
                e.put("venueId", i % VENUES + 1);
            }
            engine.execute(MODEL, "createMany", object(data));
        }
    }

    private static ObjectNode object(ArrayNode data) {
        ObjectNode o = JSON.objectNode();
        o.set("data", data);
        return o;
    }
}
