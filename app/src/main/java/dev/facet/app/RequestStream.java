package dev.facet.app;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs the lines of {@code facet query} one request each and prints one answer per line, in the order of the
 * lines. Consecutive reads run side by side on the engine's connections, as a Prisma Client program that
 * awaits them together ({@code Promise.all}) would run them; a write waits until every earlier request has
 * answered, and the requests after it start once it has committed, so a read always sees the writes above it.
 * A separate thread prints the answers as they become ready, so an interactive user gets each answer at once.
 */
final class RequestStream {
    /** Answers computed ahead of the printer at most, per worker: bounds memory on long inputs. */
    private static final int AHEAD_PER_WORKER = 8;

    /** A parsed line, or the reason it could not be parsed. */
    record Line(int number, QueryEngine.Request request, QueryError invalid) {}

    /** One answer line as printed (UTF-8, without its line end), and whether it reports a failure (for the exit status). */
    record Answer(byte[] line, boolean failed) {}

    private final QueryEngine engine;
    private final int workers;
    private final BiFunction<String, Integer, Line> parser;
    private final Function<Line, Answer> answerer;

    /**
     * @param engine   the engine the requests run on
     * @param workers  how many reads may run at once (1: strictly one after the other)
     * @param parser   turns a line and its number into a request
     * @param answerer runs a request and renders its answer line; never throws
     */
    RequestStream(QueryEngine engine, int workers, BiFunction<String, Integer, Line> parser, Function<Line, Answer> answerer) {
        this.engine = engine;
        this.workers = Math.max(1, workers);
        this.parser = parser;
        this.answerer = answerer;
    }

    /** Reads every line of {@code in}, prints every answer to {@code out}; returns whether all succeeded. */
    boolean run(BufferedReader in, OutputStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "facet-query-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<CompletableFuture<Answer>> answers = new LinkedBlockingQueue<>();
        Semaphore ahead = new Semaphore(workers * AHEAD_PER_WORKER);
        AtomicBoolean failed = new AtomicBoolean();
        CompletableFuture<Answer> endOfInput = new CompletableFuture<>();
        Thread printer = Thread.ofPlatform().name("facet-query-printer").daemon().start(() -> print(answers, ahead, out, failed, endOfInput));
        List<CompletableFuture<Answer>> sinceLastWrite = new ArrayList<>();
        try {
            int number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (text.isBlank()) continue;
                Line line = parser.apply(text, number);
                boolean write = line.request() != null && QueryEngine.isWrite(line.request().action());
                if (write) awaitAll(sinceLastWrite);
                acquire(ahead);
                CompletableFuture<Answer> answer = line.request() == null
                        ? CompletableFuture.completedFuture(answerer.apply(line))
                        : CompletableFuture.supplyAsync(() -> answerer.apply(line), pool);
                answers.add(answer);
                sinceLastWrite.add(answer);
                if (write) {
                    answer.join();
                    sinceLastWrite.clear();
                }
            }
        } finally {
            answers.add(endOfInput);
            endOfInput.complete(null);
            join(printer);
            pool.shutdownNow();
        }
        return !failed.get();
    }

    private static void print(BlockingQueue<CompletableFuture<Answer>> answers, Semaphore ahead, OutputStream out,
                              AtomicBoolean failed, CompletableFuture<Answer> end) {
        // Once the output is gone (a closed pipe), answers are still taken, so that the reader never waits for room.
        boolean outputGone = false;
        try {
            while (true) {
                CompletableFuture<Answer> next = answers.peek();
                // Flush before waiting: what is printed reaches a waiting reader now, and a batch is not
                // flushed once per line.
                if (!outputGone && (next == null || !next.isDone())) outputGone = !flush(out);
                next = answers.take();
                if (next == end) break;
                Answer answer = next.get();
                if (!outputGone) {
                    try {
                        out.write(answer.line());
                        out.write('\n');
                    } catch (IOException e) {
                        outputGone = true;
                    }
                }
                if (answer.failed() || outputGone) failed.set(true);
                ahead.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // The answerer never throws; an error here is a bug, and the exit status says so.
            failed.set(true);
        } finally {
            if (!outputGone && !flush(out)) failed.set(true);
        }
    }

    private static boolean flush(OutputStream out) {
        try {
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitAll(List<CompletableFuture<Answer>> earlier) {
        CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new)).join();
    }

    private static void acquire(Semaphore ahead) {
        try {
            ahead.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading requests", e);
        }
    }

    private static void join(Thread printer) {
        try {
            printer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many reads run at once for {@code engine} on a machine with {@code processors} cores */
    static int defaultWorkers(QueryEngine engine, int processors) {
        return Math.min(engine.concurrentReads(), processors + 1);
    }

}
