package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.error.QueryError;
import java.util.ArrayList;
import java.util.List;

/**
 * Values and names that would break SQL built by splicing: quotes, {@code '; DROP TABLE}, backslashes,
 * LIKE wildcards, a megabyte, emoji and other astral characters, control characters; table and column
 * names full of quotes, backticks, spaces and accents. All are stored and read back exactly, matched
 * literally, and a NUL byte that PostgreSQL cannot store in text is refused with the database's error, as Prisma reports it.
 */
class HostileValuesTest extends EngineSuite {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** MySQL's String is a VARCHAR(191): the megabyte needs a LONGTEXT there. */
    static String notes(Backend backend) {
        return DATASOURCE.replace("%MODE%", "foreignKeys") + """
                model Note {
                  id   Int    @id
                  text String  TEXT_TYPE
                }
                """.replace("TEXT_TYPE", backend.has(DatabaseTrait.SHORT_DEFAULT_STRINGS) ? "@db.LongText" : "");
    }

    static final String WEIRD = DATASOURCE + """
            model Weird {
              id   Int    @id @default(autoincrement()) @map("i\\"d 'x` ü")
              name String @unique @map("na\\"me 'y` ü")
              note String @default("it's \\"quoted\\" '; DROP TABLE x; -- \\\\ ü") @map("no te")
              kids Kid[]

              @@map("We\\"ird 'Ta`ble ü")
            }

            model Kid {
              id      Int    @id @default(autoincrement()) @map("k\\"id")
              weirdId Int    @map("we\\"ird `id' ü")
              weird   Weird  @relation(fields: [weirdId], references: [id], onDelete: Cascade)
              tags    Tag[]

              @@index([weirdId])
              @@map("K'i\\"d`s")
            }

            model Tag {
              id   Int    @id @default(autoincrement())
              name String @unique @map("n a'm\\"e")
              kids Kid[]

              @@map("T a g ' \\" `")
            }
            """;

    static List<String> hostile() {
        List<String> values = new ArrayList<>(List.of(
                "it's", "say \"hi\"", "'; DROP TABLE \"Note\"; --", "`; DROP TABLE `Note`; --", "\"); DELETE FROM Note; --",
                "back\\slash \\\\ \\' \\\" \\n", "100% _done_ [a-z]* ^$ %% __", "emoji 😀👍🏽🇩🇪 and astral 𝄞 𝕏 𠜎",
                "control \u0001\u0002\u0007\b\t\n\u000b\f\r\u001b\u001f\u007f end", "separators \u2028\u2029 bom \uFEFF", "ünïcödé ß Ω 中文 عربى",
                "", "   ", "?", "$1 :name @p0 %s {0}"));
        StringBuilder mega = new StringBuilder();
        while (mega.length() < 1 << 20) mega.append("ab'\"\\%_😀\n");
        values.add(mega.toString());
        return values;
    }

    /** The id the next note is given: ids are given, so that the notes' schema runs where nothing numbers them. */
    int nextNote = 1;

    /** Creates a note with the next id. */
    JsonNode note(String text) { return create("Note", JSON.objectNode().put("id", nextNote++).put("text", text)); }

    JsonNode create(String model, ObjectNode data) {
        ObjectNode args = JSON.objectNode();
        args.set("data", data);
        return engine.execute(model, "create", args);
    }

    JsonNode find(String model, String action, ObjectNode where) {
        ObjectNode args = JSON.objectNode();
        args.set("where", where);
        return engine.execute(model, action, args);
    }

    @EveryBackend
    void hostileStringsAreStoredAndReadBackExactly(Backend backend) {
        open(backend, "foreignKeys", notes(backend));
        for (String v : hostile()) {
            int id = note(v).get("id").asInt();
            JsonNode back = find("Note", "findUnique", JSON.objectNode().put("id", id));
            assertThat(back.get("text").asText()).as("value of %d chars", v.length()).isEqualTo(v);
            List<String> matched = values(find("Note", "findMany", JSON.objectNode().put("text", v)), "id");
            // MySQL's default collation compares ignoring trailing spaces (and case): "   " equals "" there, for Prisma too.
            if (backend.has(DatabaseTrait.LOOSE_DEFAULT_COLLATION)) assertThat(matched).contains(Integer.toString(id));
            else assertThat(matched).as("equals on a value of %d chars", v.length()).containsExactly(Integer.toString(id));
        }
        assertThat(count("Note")).isEqualTo(hostile().size());
        // Updated through a hostile value too.
        ObjectNode update = JSON.objectNode();
        update.putObject("where").put("text", "it's");
        update.putObject("data").put("text", "'); DROP TABLE \"Note\"; --");
        engine.execute("Note", "updateMany", update);
        assertThat(values(find("Note", "findMany", JSON.objectNode().put("text", "'); DROP TABLE \"Note\"; --")), "text")).hasSize(1);
        // Every value went as a bound parameter: none of them is in the text of a statement.
        assertThat(statements).isNotEmpty().noneMatch(sql -> sql.contains("DROP") || sql.contains("😀") || sql.contains("it's"));
    }

    @EveryBackend
    void likeWildcardsAreThoseOfPrisma(Backend backend) {
        open(backend, "foreignKeys", notes(backend));
        for (String v : List.of("100%", "100x", "a_b", "axb", "back\\slash", "backXslash", "50%_\\", "[ab]", "a")) {
            note(v);
        }
        // Prisma 7 passes the text of contains/startsWith/endsWith to LIKE unescaped: % and _ are wildcards
        // (checked against Prisma Client, docs/prisma-comparison.md). The values themselves are still bound.
        if (backend.has(DatabaseTrait.LIKE_WILDCARDS)) {
            assertThat(texts("contains", "%")).hasSize(9);
            assertThat(texts("startsWith", "100%")).containsExactlyInAnyOrder("100%", "100x");
            assertThat(texts("contains", "a_b")).containsExactlyInAnyOrder("a_b", "axb");
        } else {
            // Prisma 6 on MongoDB escapes the text into its regular expression: every character is itself.
            assertThat(texts("contains", "%")).containsExactly("100%", "50%_\\");
            assertThat(texts("startsWith", "100%")).containsExactly("100%");
            assertThat(texts("contains", "a_b")).containsExactly("a_b");
        }
        assertThat(texts("contains", "[ab]")).containsExactly("[ab]");
        assertThat(texts("endsWith", "slash")).containsExactlyInAnyOrder("back\\slash", "backXslash");
    }

    List<String> texts(String op, String value) {
        ObjectNode where = JSON.objectNode();
        where.putObject("text").put(op, value);
        ObjectNode args = JSON.objectNode();
        args.set("where", where);
        args.putObject("orderBy").put("id", "asc");
        return values(engine.execute("Note", "findMany", args), "text");
    }

    @EveryBackend(modes = true, schema = SchemaFeature.AUTOINCREMENT)
    void hostileTableAndColumnNames(Backend backend, String mode) {
        open(backend, mode, WEIRD);
        JsonNode w = run("Weird", "create", """
                {"data": {"name": "w1", "kids": {"create": [{"tags": {"create": {"name": "t'1"}}}, {"tags": {"connectOrCreate": {"where": {"name": "t'1"}, "create": {"name": "x"}}}}]}},
                 "include": {"kids": {"include": {"tags": true}, "orderBy": {"id": "asc"}}, "_count": true}}""");
        assertThat(w.get("note").asText()).isEqualTo("it's \"quoted\" '; DROP TABLE x; -- \\ ü");
        assertThat(w.get("kids")).hasSize(2);
        assertThat(w.get("_count").get("kids").asInt()).isEqualTo(2);
        assertThat(w.get("kids").get(1).get("tags").get(0).get("name").asText()).isEqualTo("t'1");
        run("Weird", "create", "{\"data\": {\"name\": \"w2\", \"note\": \"n\"}}");
        JsonNode found = run("Weird", "findMany", """
                {"where": {"kids": {"some": {"tags": {"some": {"name": {"startsWith": "t'"}}}}}, "note": {"contains": "'; DROP"}},
                 "orderBy": [{"kids": {"_count": "desc"}}, {"name": "asc"}], "select": {"name": true}}""");
        assertThat(values(found, "name")).containsExactly("w1");
        JsonNode groups = run("Kid", "groupBy", "{\"by\": [\"weirdId\"], \"_count\": {\"_all\": true}, \"_max\": {\"id\": true}}");
        assertThat(groups.get(0).get("_count").get("_all").asInt()).isEqualTo(2);
        run("Weird", "update", "{\"where\": {\"name\": \"w2\"}, \"data\": {\"note\": \"`; DROP TABLE `Kid`; --\", \"kids\": {\"create\": {}}}}");
        run("Weird", "upsert", "{\"where\": {\"name\": \"w3\"}, \"create\": {\"name\": \"w3\"}, \"update\": {}}");
        JsonNode preview = run("Weird", "previewDelete", "{\"where\": {\"name\": \"w1\"}}");
        assertThat(preview.get("totals").get("Kid").get("delete").asInt()).isEqualTo(2);
        run("Weird", "delete", "{\"where\": {\"name\": \"w1\"}}");
        assertThat(count("Kid")).isEqualTo(1);
        assertThat(run("Tag", "findMany", "{\"include\": {\"_count\": true}}").get(0).get("_count").get("kids").asInt()).isZero();
        assertThat(all("Weird", "note")).containsExactly("`; DROP TABLE `Kid`; --", "it's \"quoted\" '; DROP TABLE x; -- \\ ü");
        assertThat(statements).isNotEmpty().noneMatch(sql -> sql.contains("DROP") || sql.contains("t'1"));
    }

    @EveryBackend
    void aNulCharacter(Backend backend) {
        open(backend, "foreignKeys", notes(backend));
        String nul = "before\u0000after";
        if (backend.has(DatabaseTrait.NO_NUL_IN_TEXT)) {
            // PostgreSQL's text cannot hold it: the database's error as Prisma reports it, and nothing stored.
            try {
                note(nul);
                throw new AssertionError("PostgreSQL stored a NUL character");
            } catch (QueryError e) {
                assertThat(e.code()).isEqualTo("P2039");
                assertThat(e.getMessage()).isEqualTo("Database error. Code: `22021`. Message: `invalid byte sequence for encoding \"UTF8\": 0x00`");
            }
            assertThat(count("Note")).isZero();
            return;
        }
        int id = note(nul).get("id").asInt();
        assertThat(find("Note", "findUnique", JSON.objectNode().put("id", id)).get("text").asText()).isEqualTo(nul);
    }
}
