package dev.facet.bench;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.format.SchemaFormatter;
import dev.facet.schema.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Does the schema validator stay linear in the size of the schema? For each hostile shape (the same
 * attribute repeated, the same name declared again and again, huge literals, long lines, many
 * diagnostics), it loads, renders and formats the schema at n, 2n and 4n repetitions and prints the CPU
 * time of each (the best of three runs) and the ratio to the previous size: about 2 means linear, about 4
 * quadratic.
 *
 * <p>Not a timed unit test (the machine is shared): a tool run by hand, see docs/benchmarks.md.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.facet.bench.ValidatorScaling [BASE_N] [SHAPE_FILTER] [SIZES]
 * </pre>
 */
public final class ValidatorScaling {
    private static final String HEADER = """
            datasource db {
              provider = "postgresql"
              url      = "postgresql://localhost/db"
            }

            """;
    /** A shape slower than this at one size is not tried at the next. */
    private static final long GIVE_UP_MS = 30_000;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private ValidatorScaling() {}

    /** The hostile shapes, each a schema of size n. */
    static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> s = new LinkedHashMap<>();
        s.put("repeated @@map lines", n -> model("  id Int @id\n" + "  @@map(\"x\")\n".repeat(n)));
        s.put("repeated @@id lines", n -> model("  id Int\n" + "  @@id([id])\n".repeat(n)));
        s.put("repeated @@schema lines", n -> model("  id Int @id\n" + "  @@schema(\"x\")\n".repeat(n)));
        s.put("repeated @@index lines", n -> model("  id Int @id\n  a Int\n" + "  @@index([a])\n".repeat(n)));
        s.put("repeated @@unique lines", n -> model("  id Int @id\n  a Int\n" + "  @@unique([a])\n".repeat(n)));
        s.put("repeated @id on one line", n -> model("  id Int" + " @id".repeat(n) + "\n"));
        s.put("repeated @default on one line", n -> model("  id Int @id" + " @default(1)".repeat(n) + "\n"));
        s.put("unknown attributes", n -> model("  id Int @id\n" + "  @@nope\n".repeat(n)));
        s.put("duplicate field names", n -> model("  id Int @id\n" + "  a Int\n".repeat(n)));
        s.put("many fields", n -> model("  id Int @id\n" + lines(n, i -> "  f" + i + " Int")));
        s.put("duplicate model names", n -> HEADER + "model A {\n  id Int @id\n}\n\n".repeat(n));
        s.put("many models", n -> HEADER + lines(n, i -> "model M" + i + " {\n  id Int @id\n}\n"));
        s.put("duplicate table names (@@map)", n -> HEADER + lines(n, i -> "model M" + i + " {\n  id Int @id\n  @@map(\"t\")\n}\n"));
        s.put("duplicate enum values", n -> HEADER + "enum E {\n" + "  A\n".repeat(n) + "}\n");
        s.put("duplicate datasource properties", n -> "datasource db {\n  provider = \"postgresql\"\n"
                + "  url = \"postgresql://localhost/db\"\n".repeat(n) + "}\n");
        s.put("invalid lines", n -> model("  id Int @id\n" + "  !!!\n".repeat(n)));
        s.put("unknown types", n -> model("  id Int @id\n" + lines(n, i -> "  f" + i + " Nope")));
        s.put("relation fields to a composite type", n -> "datasource db {\n  provider = \"mongodb\"\n  url = \"mongodb://h/db\"\n}\n"
                + "type T {\n  a Int\n" + lines(n, i -> "  r" + i + " M") + "}\n"
                + "model M {\n  id String @id @map(\"_id\") @db.ObjectId\n}\n");
        s.put("long @@index field list", n -> model("  id Int @id\n  a Int\n  @@index([" + "a, ".repeat(n) + "a])\n"));
        s.put("long unknown-field list", n -> model("  id Int @id\n  @@index([" + lines(n, i -> "x" + i).replace('\n', ',') + "x])\n"));
        s.put("long argument list", n -> model("  id Int @id @default(dbgenerated(" + "1, ".repeat(n) + "1))\n"));
        s.put("digits in a literal (x100)", n -> model("  id Int @id @default(" + "1".repeat(n * 100) + ")\n"));
        s.put("digits in a Float literal (x100)", n -> model("  id Int @id\n  f Float @default(" + "1".repeat(n * 100) + ")\n"));
        s.put("long string literal (x100)", n -> model("  id Int @id\n  s String @default(\"" + "a".repeat(n * 100) + "\")\n"));
        s.put("long escaped string (x100)", n -> model("  id Int @id\n  s String @default(\"" + "\\n".repeat(n * 50) + "\")\n"));
        s.put("long identifier (x100)", n -> model("  id Int @id\n  " + "a".repeat(n * 100) + " Int\n"));
        s.put("long comment line (x100)", n -> model("  id Int @id // " + "c".repeat(n * 100) + "\n"));
        s.put("doc comment lines", n -> HEADER + "/// doc\n".repeat(n) + "model A {\n  id Int @id\n}\n");
        s.put("comment lines in a model", n -> model("  id Int @id\n" + "  // c\n".repeat(n)));
        s.put("empty lines", n -> model("  id Int @id\n" + "\n".repeat(n)));
        s.put("unterminated strings", n -> model("  id Int @id\n" + lines(n, i -> "  s" + i + " String @default(\"x")));
        s.put("block comment lines", n -> HEADER + "/*\n" + "x\n".repeat(n) + "*/\nmodel A {\n  id Int @id\n}\n");
        s.put("CRLF lines", n -> (model("  id Int @id\n" + "  @@map(\"x\")\n".repeat(n))).replace("\n", "\r\n"));
        s.put("one long line of fields", n -> model("  id Int @id " + "a".repeat(n * 10) + "\n"));
        s.put("unclosed model", n -> HEADER + "model A {\n  id Int @id\n" + "  a Int\n".repeat(n));
        s.put("many relations", n -> HEADER + "model A {\n  id Int @id\n" + lines(n, i -> "  b" + i + " B[] @relation(\"r" + i + "\")")
                + "}\nmodel B {\n  id Int @id\n" + lines(n, i -> "  a" + i + " A @relation(\"r" + i + "\", fields: [a" + i + "Id], references: [id])\n  a" + i + "Id Int") + "}\n");
        s.put("ambiguous relations", n -> HEADER + "model A {\n  id Int @id\n" + lines(n, i -> "  b" + i + " B[]")
                + "}\nmodel B {\n  id Int @id\n  aId Int\n" + lines(n, i -> "  a" + i + " A @relation(fields: [aId], references: [id])") + "}\n");
        s.put("many generators with one name", n -> HEADER + "generator g {\n  provider = \"x\"\n}\n".repeat(n));
        s.put("previewFeatures list", n -> "generator g {\n  provider = \"x\"\n  previewFeatures = ["
                + "\"nope\", ".repeat(n) + "\"nope\"]\n}\n" + HEADER);
        return s;
    }

    private static String model(String body) { return HEADER + "model A {\n" + body + "}\n"; }

    private static String lines(int n, IntFunction<String> line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(line.apply(i)).append('\n');
        return sb.toString();
    }

    /** Loads, renders every diagnostic and formats (keeping invalid lines), as facet validate and format do. */
    static long run(String text) {
        // CPU time of this thread, not wall time: other processes on a shared machine then barely move it.
        long t0 = THREAD.getCurrentThreadCpuTime();
        SourceFile file = new SourceFile("scaling.prisma", text);
        LoadResult result = SchemaLoader.load(file);
        String rendered = new DiagnosticRenderer(false).render(result.diagnostics());
        var formatted = new SchemaFormatter(SchemaFormatter.SyntaxErrors.KEEP_INVALID_LINES).format(file);
        if (rendered.isEmpty() && formatted.files().isEmpty() && result.schema().isEmpty()) throw new AssertionError();
        return (THREAD.getCurrentThreadCpuTime() - t0) / 1_000_000;
    }

    public static void main(String[] args) {
        int base = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String filter = args.length > 1 ? args[1] : "";
        int sizes = args.length > 2 ? Integer.parseInt(args[2]) : 3; // 1 for a profiler
        Map<String, IntFunction<String>> shapes = shapes();
        // Warm up the loader on every shape at a small size first, so that the first figures are not the JIT's.
        for (int round = 0; round < 3; round++) for (var shape : shapes.values()) run(shape.apply(200));
        System.out.printf("%-38s %10s %10s %10s   %s%n", "shape", "n", "2n", "4n", "ratios (2 = linear, 4 = quadratic)");
        List<String> suspicious = new ArrayList<>();
        for (var e : shapes.entrySet()) {
            if (!e.getKey().contains(filter)) continue;
            // Warm up on this shape at half the first size, so that the JIT has compiled what it exercises.
            for (int i = 0; i < 3; i++) run(e.getValue().apply(base / 2));
            long[] ms = {-1, -1, -1};
            for (int k = 0; k < sizes; k++) {
                ms[k] = best(e.getValue().apply(base << k));
                if (ms[k] > GIVE_UP_MS) break;
            }
            StringBuilder ratios = new StringBuilder();
            for (int k = 1; k < sizes; k++) {
                if (ms[k] < 0) break;
                double r = (double) ms[k] / Math.max(1, ms[k - 1]);
                ratios.append(String.format("%.1f ", r));
                if (r > 3 && ms[k] > 50) suspicious.add(e.getKey());
            }
            System.out.printf("%-38s %8d ms %7s ms %7s ms   %s%n", e.getKey(), ms[0], fmt(ms[1]), fmt(ms[2]), ratios);
        }
        System.out.println(suspicious.isEmpty() ? "all shapes look linear" : "not linear: " + suspicious);
    }

    /** The best of three runs (one when a run is slow), to damp the noise of a shared machine. */
    private static long best(String text) {
        long best = run(text);
        for (int i = 0; i < 2 && best < 5_000; i++) best = Math.min(best, run(text));
        return best;
    }

    private static String fmt(long ms) { return ms < 0 ? "-" : Long.toString(ms); }
}
