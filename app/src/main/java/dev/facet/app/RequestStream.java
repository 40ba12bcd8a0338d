package dev.facet.app;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import java.io.ByteArrayOutputStream;
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
import java.util.function.Function;

/**
 * Runs the lines of {@code facet query} one request each and prints one answer per line, in the order of the
 * lines. Consecutive reads run side by side on the engine's connections, as a Prisma Client program that
 * awaits them together ({@code Promise.all}) would run them; a write waits until every earlier request has
 * answered, and the requests after it start once it has committed, so a read always sees the writes above it.
 * A separate thread prints the answers as they become ready, so an interactive user gets each answer at once.
 *
 * <p>Every line gets its answer line, whatever happens while answering it (an error of the JVM included), and
 * the lines after it still run. An answer is held in memory up to {@link #HELD_BYTES}; a larger one is written
 * straight to the output once every answer above it is printed, so a million records never sit in memory.
 */
final class RequestStream {
    /** Answers computed ahead of the printer at most, per worker: bounds memory on long inputs. */
    private static final int AHEAD_PER_WORKER = 8;
    /** The size up to which an answer is held in memory before it is printed. */
    static final int HELD_BYTES = 1 << 20;

    /** A parsed line, or the reason it could not be parsed. */
    record Line(int number, QueryEngine.Request request, QueryError invalid) {}

    /**
     * One answer line as printed (UTF-8, without its line end), and whether it reports a failure (for the exit
     * status); with {@code rest}, a long answer that its worker writes itself once its turn comes.
     */
    record Answer(byte[] line, boolean failed, AnswerOutput rest) {}

    /** Runs a request and writes its answer line (without line end) to the output given; returns whether it failed. */
    interface Answerer {
        boolean answer(Line line, AnswerOutput out);
    }

    private final int workers;
    private final Function<RequestLines.Raw, Line> parser;
    private final Answerer answerer;
    private final Function<Throwable, byte[]> lastResort;

    /**
     * @param workers    how many reads may run at once (1: strictly one after the other)
     * @param parser     turns a line into a request
     * @param answerer   runs a request and writes its answer line
     * @param lastResort the answer line for a failure that escaped the answerer
     */
    RequestStream(int workers, Function<RequestLines.Raw, Line> parser, Answerer answerer, Function<Throwable, byte[]> lastResort) {
        this.workers = Math.max(1, workers);
        this.parser = parser;
        this.answerer = answerer;
        this.lastResort = lastResort;
    }

    /** Reads every line of {@code in}, prints every answer to {@code out}; returns whether all succeeded. */
    boolean run(RequestLines in, OutputStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "facet-query-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<CompletableFuture<Answer>> answers = new LinkedBlockingQueue<>();
        Semaphore ahead = new Semaphore(workers * AHEAD_PER_WORKER);
        AtomicBoolean failed = new AtomicBoolean();
        CompletableFuture<Answer> endOfInput = new CompletableFuture<>();
        Printer printer = new Printer(answers, ahead, new GuardedOutput(out), failed, endOfInput);
        Thread printing = Thread.ofPlatform().name("facet-query-printer").daemon().start(printer);
        List<CompletableFuture<Void>> sinceLastWrite = new ArrayList<>();
        try {
            for (RequestLines.Raw raw = in.next(); raw != null; raw = in.next()) {
                if (raw.text() != null && raw.text().isBlank()) continue;
                Line line = parse(raw);
                boolean write = line.request() != null && QueryEngine.isWrite(line.request().action());
                if (write) awaitAll(sinceLastWrite);
                acquire(ahead);
                CompletableFuture<Answer> ready = new CompletableFuture<>();
                CompletableFuture<Void> finished = new CompletableFuture<>();
                answers.add(ready);
                Runnable task = () -> answer(line, ready, finished);
                if (line.request() == null) task.run();
                else pool.execute(task);
                sinceLastWrite.add(finished);
                if (write) {
                    finished.join();
                    sinceLastWrite.clear();
                }
            }
        } finally {
            answers.add(endOfInput);
            endOfInput.complete(null);
            join(printing);
            pool.shutdownNow();
        }
        return !failed.get();
    }

    private Line parse(RequestLines.Raw raw) {
        try {
            return parser.apply(raw);
        } catch (Throwable t) {
            // The parser reports bad lines itself; what escapes it (a JVM error on a huge line) is this line's answer.
            QueryError e = QueryError.unexpected(t);
            return new Line(raw.number(), null, new QueryError(e.code(), "line " + raw.number() + ": " + e.getMessage()));
        }
    }

    /** Runs on a worker (or the reader, for a line that did not parse); completes both futures whatever happens. */
    private void answer(Line line, CompletableFuture<Answer> ready, CompletableFuture<Void> finished) {
        AnswerOutput out = new AnswerOutput(ready);
        boolean failed = true;
        try {
            failed = answerer.answer(line, out);
        } catch (Throwable t) {
            if (out.discard()) out.writeQuietly(lastResort.apply(t));
        } finally {
            if (out.handedOver) out.done.complete(failed);
            else ready.complete(new Answer(out.held(), failed, null));
            finished.complete(null);
        }
    }

    /** Prints the answers in the order of the lines. */
    private record Printer(BlockingQueue<CompletableFuture<Answer>> answers, Semaphore ahead, GuardedOutput out, AtomicBoolean failed,
                           CompletableFuture<Answer> end) implements Runnable {
        @Override
        public void run() {
            try {
                while (true) {
                    CompletableFuture<Answer> next = answers.peek();
                    // Flush before waiting: what is printed reaches a waiting reader now, and a batch is not
                    // flushed once per line.
                    if (next == null || !next.isDone()) out.flush();
                    next = answers.take();
                    if (next == end) break;
                    Answer answer = next.get();
                    boolean answerFailed = answer.failed();
                    out.write(answer.line());
                    if (answer.rest() != null) {
                        // The worker writes the rest of its answer itself, now that every answer above is printed;
                        // what it held when it ended before noticing is printed here.
                        answer.rest().turn.complete(out);
                        answerFailed = answer.rest().done.join();
                        out.write(answer.rest().held());
                    }
                    out.write(new byte[] {'\n'});
                    if (answerFailed || out.gone()) failed.set(true);
                    ahead.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // Every answer future completes normally; an error here is a bug, and the exit status says so.
                failed.set(true);
            } finally {
                out.flush();
                if (out.gone()) failed.set(true);
            }
        }
    }

    /**
     * Where one answer is written: held in memory up to {@link #HELD_BYTES}; beyond, straight to the output as soon
     * as every answer above it is printed. Until then it goes on holding what comes, never waiting: the read that
     * writes it holds a database connection, which an answer above it may be waiting for.
     */
    static final class AnswerOutput extends OutputStream {
        private final CompletableFuture<Answer> ready;
        private final CompletableFuture<OutputStream> turn = new CompletableFuture<>();
        private final CompletableFuture<Boolean> done = new CompletableFuture<>();
        private ByteArrayOutputStream held = new ByteArrayOutputStream(4096);
        private boolean handedOver;
        private OutputStream direct;

        AnswerOutput(CompletableFuture<Answer> ready) { this.ready = ready; }

        @Override
        public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (direct != null) {
                direct.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            if (held.size() <= HELD_BYTES) return;
            if (!handedOver) {
                // The printer takes this answer in its turn and then waits for the rest (done).
                handedOver = true;
                ready.complete(new Answer(new byte[0], false, this));
            }
            if (turn.isDone()) {
                direct = turn.join();
                held.writeTo(direct);
                held = null;
            }
        }

        /** @return whether part of the answer has been printed already (so it can no longer be replaced) */
        boolean streaming() { return direct != null; }

        /** Drops what is held, so that another answer can be written; false when part of it is printed already. */
        boolean discard() {
            if (direct != null) return false;
            held.reset();
            return true;
        }

        void writeQuietly(byte[] bytes) {
            try {
                write(bytes, 0, bytes.length);
            } catch (IOException e) {
                // Not thrown while held in memory; printing problems are the printer's to report.
            }
        }

        /** What is held and not printed yet (all of a short answer; of a long one, what came before its turn). */
        byte[] held() { return held == null ? new byte[0] : held.toByteArray(); }

        /** The printer flushes; closing a generator on this stream must not close the process's output. */
        @Override public void flush() { }

        @Override public void close() { }
    }

    /** The output, which never throws: once it fails (a closed pipe) it drops what is written and says so. */
    private static final class GuardedOutput extends OutputStream {
        private final OutputStream out;
        private volatile boolean gone;

        GuardedOutput(OutputStream out) { this.out = out; }

        @Override
        public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void write(byte[] b) { write(b, 0, b.length); }

        @Override
        public void write(byte[] b, int off, int len) {
            if (gone) return;
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                gone = true;
            }
        }

        @Override
        public void flush() {
            if (gone) return;
            try {
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }

        boolean gone() { return gone; }
    }

    private static void awaitAll(List<CompletableFuture<Void>> earlier) {
        // These futures always complete normally (see answer).
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
