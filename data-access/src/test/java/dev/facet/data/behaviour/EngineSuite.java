package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the write suites share: a fresh engine per test on a pushed database of each kind, in either
 * relation mode, requests written as Prisma Client arguments in JSON, and Prisma's errors checked by
 * code and text.
 */
abstract class EngineSuite {
    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    /** The datasource of the suites' schemas; the provider and relation mode are filled in per test. */
    static final String DATASOURCE = """
            datasource db {
              provider     = "%PROVIDER%"
              url          = "file:unused.db"
              relationMode = "%MODE%"
            }

            """;

    /** Every statement the engine of the current test ran. */
    final List<String> statements = new CopyOnWriteArrayList<>();
    QueryEngine engine;

    /** Every database, with foreign keys in the database and with Facet's emulation. */
    static Stream<Arguments> databasesAndModes() {
        return Stream.of(DbKind.values()).flatMap(k -> Stream.of(Arguments.of(k, "foreignKeys"), Arguments.of(k, "prisma")));
    }

    /** @param template a schema with {@code %PROVIDER%} and {@code %MODE%} placeholders */
    void open(Backend backend, String mode, String template) {
        engine = backend.open(DBS, template.replace("%MODE%", mode), statements::add);
    }

    /** @param template a schema with {@code %PROVIDER%} and {@code %MODE%} placeholders */
    void open(DbKind kind, String mode, String template) {
        engine = Engines.fresh(DBS, kind, template.replace("%MODE%", mode), statements::add);
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) engine.close();
        engine = null;
    }

    JsonNode run(String model, String action, String args) {
        return engine.execute(model, action, JsonCodec.parse(args));
    }

    /** The request fails with Prisma's {@code code} and a message containing {@code text}. */
    QueryError fails(String code, String text, String model, String action, String args) {
        Throwable t = catchThrowable(() -> run(model, action, args));
        assertThat(t).as("%s.%s(%s)", model, action, args).isInstanceOf(QueryError.class);
        QueryError e = (QueryError) t;
        assertThat(e.code()).as("code of %s", e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).contains(text);
        return e;
    }

    /** The values of one field across records, in order. */
    static List<String> values(JsonNode records, String field) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.get(field).isNull() ? null : r.get(field).asText()));
        return out;
    }

    /** {@code findMany} of a model ordered by {@code id}, as one field's values. */
    List<String> all(String model, String field) {
        return values(run(model, "findMany", "{\"orderBy\": {\"id\": \"asc\"}}"), field);
    }

    int count(String model) { return run(model, "count", "{}").asInt(); }
}
