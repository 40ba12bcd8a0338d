package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.RecordInserts;
import dev.facet.schema.model.Model;
import dev.facet.ui.grid.RecordFormats.Format;
import dev.facet.ui.task.TaskExecutor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Copies selected rows as JSON, TSV, CSV, a Markdown table or the open database's INSERT statements (when its connector
 * writes them: {@link QueryEngine#inserts}), and exports the grid's current view (its where and sort, every page) to a
 * file in one of these formats (but TSV), in the
 * background: the rows are read a page at a time and written as they come (never the whole result in memory), with
 * progress, and can be cancelled between pages (the partial file is then removed).
 */
final class GridExport {
    /** Rows read per request. */
    static final int PAGE = 1_000;

    private final Model model;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final GridQuery query;
    private final List<String> fields;
    private final Supplier<ObjectNode> where;
    private final Supplier<List<ModelGridViewModel.SortKey>> sort;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final AtomicBoolean uiUpdatePending = new AtomicBoolean();
    private AtomicBoolean cancel;

    /** The rows of the page shown: its skip and take. */
    record Page(int skip, int take) {}

    private final Supplier<Page> page;

    GridExport(Model model, List<GridColumn> columns, QueryEngine engine, TaskExecutor executor, GridQuery query,
               Supplier<ObjectNode> where, Supplier<List<ModelGridViewModel.SortKey>> sort, Supplier<Page> page) {
        this.page = page;
        this.model = model;
        this.engine = engine;
        this.executor = executor;
        this.query = query;
        // Relations are not part of a record, and Prisma Client cannot read Unsupported fields.
        this.fields = columns.stream().filter(c -> !c.isRelation() && c.kind() != GridColumn.Kind.UNSUPPORTED && c.kind() != GridColumn.Kind.UNAVAILABLE).map(GridColumn::name).toList();
        this.where = where;
        this.sort = sort;
    }

    /** @return whether an export runs */
    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** @return the share written, from 0 to 1 (-1 while the rows are counted) */
    ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** @return what the export is doing or did: {@code 2,000 of 10,000 rows}, {@code Exported 10,000 rows to x.csv in 1.2 s} */
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** @return the fields written, in order */
    List<String> fields() { return fields; }

    /** @return the loaded records of {@code rows} as a JSON array, as Prisma Client gives them (new records are left out) */
    String copyAsJson(List<GridRow> rows) {
        return RecordFormats.jsonArray(loaded(rows), fields);
    }

    /** @return the loaded records of {@code rows} as tab-separated text under a header line of field names */
    String copyAsTsv(List<GridRow> rows) { return lines(rows, RecordFormats.tsvLine(fields), r -> RecordFormats.tsvLine(RecordFormats.texts(r, fields))); }

    /** @return the loaded records of {@code rows} as CSV (RFC 4180) under a header line of field names */
    String copyAsCsv(List<GridRow> rows) {
        return lines(rows, RecordFormats.csvLine(fields), r -> RecordFormats.csvLine(RecordFormats.texts(r, fields))).replace("\n", "\r\n");
    }

    /** @return the loaded records of {@code rows} as a Markdown table under a header of field names */
    String copyAsMarkdown(List<GridRow> rows) {
        return lines(rows, RecordFormats.markdownLine(fields) + "\n" + RecordFormats.markdownRule(fields.size()),
                r -> RecordFormats.markdownLine(RecordFormats.texts(r, fields)));
    }

    /** @return the statements that insert records into the open database, or empty when its connector writes none (MongoDB) */
    java.util.Optional<RecordInserts> inserts() {
        if (inserts == null) inserts = engine.inserts(model.name(), fields);
        return inserts;
    }

    private java.util.Optional<RecordInserts> inserts;

    /** @return the loaded records of {@code rows} as the open database's INSERT statements, one a line */
    String copyAsInserts(List<GridRow> rows) {
        RecordInserts sql = inserts().orElseThrow();
        return String.join("\n", loaded(rows).stream().map(sql::statement).toList());
    }

    /** @return {@code header}, then each loaded record of {@code rows} on a line of its own */
    private static String lines(List<GridRow> rows, String header, java.util.function.Function<ObjectNode, String> line) {
        StringBuilder sb = new StringBuilder(header);
        for (ObjectNode r : loaded(rows)) sb.append('\n').append(line.apply(r));
        return sb.toString();
    }

    /** @return the records of {@code rows} that are loaded (new records are left out) */
    private static List<ObjectNode> loaded(List<GridRow> rows) { return rows.stream().filter(r -> !r.isDraft() && r.record() != null).map(GridRow::record).toList(); }

    /**
     * @return the view as the Prisma Client call that reads it: {@code prisma.customer.findMany({ where, orderBy, skip,
     *     take, include })} in TypeScript, the page shown included
     */
    String copyAsPrismaClient() {
        Page p = page.get();
        ObjectNode args = query.findMany(where.get(), sort.get(), p.skip(), p.take());
        String json;
        try {
            json = dev.facet.data.value.JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(args);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Keys that are identifiers lose their quotes, as people write them in TypeScript.
        String ts = json.replaceAll("\"([A-Za-z_$][A-Za-z0-9_$]*)\" :", "$1:");
        String client = Character.toLowerCase(model.name().charAt(0)) + model.name().substring(1);
        return "prisma." + client + ".findMany(" + ts + ")";
    }

    /** Starts exporting to {@code file}; the format follows its extension ({@code .csv}, {@code .json}, {@code .jsonl}, {@code .md}, {@code .sql}). */
    void start(Path file) {
        if (running.get()) return;
        Format format = Format.of(file.getFileName().toString());
        RecordInserts sql = format == Format.SQL ? inserts().orElse(null) : null;
        if (format == Format.SQL && sql == null) {
            status.set("This database has no INSERT statements to write: export as JSON instead");
            return;
        }
        ObjectNode w = where.get();
        // Each page after the first starts after the last record written (Prisma's cursor, a keyset in SQL) where the
        // sort allows it: skipping rows reads them all again, so a million rows took minutes instead of seconds.
        boolean keyset = query.keysetSafe(sort.get());
        ObjectNode base = query.findMany(w, sort.get(), 0, PAGE);
        base.remove("include");
        ObjectNode select = base.putObject("select");
        fields.forEach(f -> select.put(f, true));
        ObjectNode countArgs = GridQuery.count(w);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        cancel = stop;
        running.set(true);
        progress.set(-1);
        status.set("Counting " + model.name() + " rows…");
        long started = System.nanoTime();
        executor.submit("Exporting " + model.name() + " to " + file.getFileName(), () -> {
            long total = engine.execute(model.name(), "count", countArgs).asLong();
            try {
                write(file, format, sql, base, keyset, total, written, stop);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return written.get();
        }, n -> {
            running.set(false);
            progress.set(1);
            double seconds = (System.nanoTime() - started) / 1e9;
            status.set(String.format("Exported %,d %s to %s in %.1f s", n, n == 1 ? "row" : "rows", file.getFileName(), seconds));
        }, e -> {
            running.set(false);
            progress.set(0);
            status.set(e instanceof CancellationException ? "Export cancelled; nothing was kept"
                    : "Export failed: " + GridMessages.reason(e) + "; nothing was kept");
        });
    }

    /** Stops the export after the page being read. */
    void cancel() {
        if (cancel != null) cancel.set(true);
        if (!running.get()) return;
        status.set("Cancelling…");
    }

    /** On the executor's thread: reads the view a page at a time and writes each page before reading the next. */
    private void write(Path file, Format format, RecordInserts sql, ObjectNode base, boolean keyset, long total, AtomicLong written,
                       AtomicBoolean stop) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            if (format == Format.CSV) out.write(RecordFormats.csvLine(fields) + "\r\n");
            if (format == Format.JSON) out.write("[");
            if (format == Format.MARKDOWN) out.write(RecordFormats.markdownLine(fields) + "\n" + RecordFormats.markdownRule(fields.size()) + "\n");
            int skip = 0;
            JsonNode last = null;
            while (true) {
                if (stop.get()) throw new CancellationException();
                ObjectNode args = base.deepCopy();
                if (keyset && last != null) {
                    args.set("cursor", RowKey.of(model, last).values());
                    args.put("skip", 1);
                } else if (skip > 0) {
                    args.put("skip", skip);
                }
                JsonNode page = engine.execute(model.name(), "findMany", args);
                if (!page.isEmpty()) last = page.get(page.size() - 1);
                for (JsonNode n : page) {
                    ObjectNode r = (ObjectNode) n;
                    switch (format) {
                        case CSV -> out.write(RecordFormats.csvLine(RecordFormats.texts(r, fields)) + "\r\n");
                        case JSON_LINES -> out.write(RecordFormats.jsonLine(r, fields) + "\n");
                        case JSON -> out.write((written.get() == 0 ? "\n  " : ",\n  ") + RecordFormats.jsonLine(r, fields));
                        case MARKDOWN -> out.write(RecordFormats.markdownLine(RecordFormats.texts(r, fields)) + "\n");
                        case SQL -> out.write(sql.statement(r) + "\n");
                    }
                    written.incrementAndGet();
                }
                report(written.get(), total);
                if (page.size() < PAGE) break;
                skip += PAGE;
            }
            if (format == Format.JSON) out.write(written.get() == 0 ? "]\n" : "\n]\n");
        }
    }

    /** Progress goes to the FX thread at most once per pulse: a page written while the last update waits adds none. */
    private void report(long done, long total) {
        if (!uiUpdatePending.compareAndSet(false, true)) return;
        Platform.runLater(() -> {
            uiUpdatePending.set(false);
            if (!running.get()) return;
            progress.set(total <= 0 ? 1 : Math.min(1, done / (double) total));
            if (cancel == null || !cancel.get()) status.set(String.format("%,d of %,d rows", done, total));
        });
    }

}
