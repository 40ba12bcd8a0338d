package dev.facet.bench;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.parser.Parser;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.source.SourceFile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm time to load a generated schema ({@link SchemaGenerator}): {@code load} is the whole of
 * {@link SchemaLoader#load(SourceFile)} (parse, validate, build the model); {@code parse} is the parser
 * alone, so that the difference is what validation costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow") // JMH 1.37 still uses sun.misc.Unsafe
public class LoadBenchmark {
    @Param("1000")
    int models;

    @Param("5000")
    int relations;

    private SourceFile source;

    /** Generates the schema once and makes sure it is one the loader accepts, or the figure means nothing. */
    @Setup
    public void generate() {
        source = new SourceFile("generated.prisma", SchemaGenerator.generate(models, relations));
        LoadResult result = SchemaLoader.load(source);
        if (result.hasErrors()) {
            throw new IllegalStateException("the generated schema has " + result.errors().size()
                    + " errors, the first: " + result.errors().getFirst());
        }
    }

    @Benchmark
    public LoadResult load() {
        return SchemaLoader.load(source);
    }

    @Benchmark
    public SchemaAst parse() {
        return Parser.parse(source, new Diagnostics());
    }
}
