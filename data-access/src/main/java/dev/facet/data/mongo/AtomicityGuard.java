package dev.facet.data.mongo;

import dev.facet.data.error.QueryError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bson.Document;

/**
 * What a request may write on a server without transactions (a standalone {@code mongod}), where MongoDB changes only
 * one document atomically.
 * <ul>
 *   <li>By default Facet runs a write that changes exactly one document and refuses, with Prisma's P2031, one that
 *       would change several (Prisma refuses every write there). It counts the documents each write command would
 *       change before sending it; when a later command would make it more than one, the earlier change is undone and
 *       the request fails, so that a refused write leaves nothing behind.</li>
 *   <li>With non-atomic writes allowed ({@code facet query --allow-non-atomic}), every command runs, and the guard
 *       keeps a journal: the documents each update or delete is about to change (read just before it), the ids each
 *       insert adds. When the request then fails (a unique index, Prisma's P2014, a required relation, a server error
 *       halfway), the journal is played back, newest first, so that a refused write changes nothing in the end. It is
 *       a compensation, not isolation: another client may see the intermediate state for a moment.</li>
 * </ul>
 */
final class AtomicityGuard {
    /** Inside a transaction: nothing to guard. */
    static final AtomicityGuard NONE = new AtomicityGuard(false, false);

    /** At most this many documents are kept to undo a request; past it, a failure leaves the changes made so far. */
    static final int JOURNAL_LIMIT = 10_000;

    private final boolean singleDocument;
    private final boolean journal;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private long changed;
    private long journaled;
    private boolean overflow;
    /** Documents counted by the latest {@code before} and whether it kept an undo step, to take back if it is refused. */
    private long lastCounted;
    private boolean lastKept;

    private AtomicityGuard(boolean singleDocument, boolean journal) {
        this.singleDocument = singleDocument;
        this.journal = journal;
    }

    /** A guard for one request on a server without transactions: one document at most. */
    static AtomicityGuard standalone() { return new AtomicityGuard(true, true); }

    /** A guard for one request with non-atomic writes allowed: any number of documents, undone if the request fails. */
    static AtomicityGuard journal() { return new AtomicityGuard(false, true); }

    /**
     * Before a command that adds {@code documents} documents.
     *
     * @param undo removes what the command adds
     */
    void before(String what, long documents, Runnable undo) {
        if (!journal || documents == 0) return;
        if (singleDocument && changed + documents > 1) refuse(what);
        changed += documents;
        lastCounted = documents;
        keep(documents, undo);
    }

    /**
     * The server refused the one-document insert announced last (a unique index): a single-document write is
     * atomic on MongoDB, so it changed nothing and is neither counted nor undone.
     */
    void refusedSingle() {
        if (!journal || lastCounted != 1) return;
        changed -= 1;
        journaled -= 1;
        if (lastKept) undo.pop();
        lastCounted = 0;
        lastKept = false;
    }

    /**
     * Before an update or delete of the documents {@code query} matches: counts them and keeps them as they are, to
     * restore them.
     *
     * @return whether any document matches (nothing need be sent otherwise)
     */
    boolean before(String what, Docs docs, Document query) {
        if (!journal) return true;
        long n = docs.count(query);
        if (n == 0) return false;
        if (singleDocument && changed + n > 1) refuse(what);
        changed += n;
        lastCounted = n;
        lastKept = false;
        if (overflow || journaled + n > JOURNAL_LIMIT) {
            overflow = true;
            return true;
        }
        List<Document> before = new ArrayList<>();
        for (Document d : docs.find(query)) before.add(d);
        keep(before.size(), () -> {
            docs.deleteMany(new Document("_id", new Document("$in", before.stream().map(d -> d.get("_id")).toList())));
            docs.insertMany(before);
        });
        return true;
    }

    private void keep(long documents, Runnable step) {
        journaled += documents;
        if (journaled > JOURNAL_LIMIT) overflow = true;
        lastKept = !overflow;
        if (!overflow) undo.push(step);
    }

    /**
     * The request failed: undoes what it changed, newest first.
     *
     * @return what became of its changes, for the error message; null when it changed nothing
     */
    String rollback() {
        if (changed == 0 || !journal) return null;
        if (overflow) {
            undo.clear();
            return "Facet could not undo the changes already made: the write changed more than " + JOURNAL_LIMIT
                    + " documents without a transaction (--allow-non-atomic).";
        }
        try {
            while (!undo.isEmpty()) undo.pop().run();
        } catch (RuntimeException e) {
            return "Facet tried to undo the changes already made and failed (" + e.getMessage() + "); some may remain.";
        }
        return "Facet undid the changes already made to " + changed + " document" + (changed == 1 ? "" : "s")
                + " (no transactions on this server; --allow-non-atomic).";
    }

    private void refuse(String what) {
        while (!undo.isEmpty()) undo.pop().run();
        changed = 0;
        QueryError p2031 = MongoErrors.transactionsNeedReplicaSet(null);
        throw new QueryError("P2031", p2031.getMessage() + " (Facet changed nothing: this write would " + what
                + " after changing another document, and this server has no transactions to make that all or nothing; "
                + "`facet query --allow-non-atomic` runs it anyway.)");
    }
}
