package dev.facet.data.mongo;

import dev.facet.data.error.QueryError;
import org.bson.Document;

/**
 * What a request may write on a server without transactions (a standalone {@code mongod}): one document, which MongoDB
 * changes atomically. Prisma refuses every write there (P2031); Facet runs a write that changes exactly one document
 * and refuses, with Prisma's P2031, one that would change several. It counts the documents each write command would
 * change before sending it; when a later command would make it more than one, the earlier change is undone (the one
 * document restored as it was) and the request fails, so that a refused write leaves nothing behind.
 */
final class AtomicityGuard {
    /** No limit: inside a transaction, or non-atomic writes allowed. */
    static final AtomicityGuard NONE = new AtomicityGuard(false);

    private final boolean active;
    private long changed;
    private Runnable undo;

    private AtomicityGuard(boolean active) { this.active = active; }

    /** A guard for one request on a server without transactions. */
    static AtomicityGuard standalone() { return new AtomicityGuard(true); }

    /**
     * Before a command that changes {@code documents} documents.
     *
     * @param undo restores what the command changes, when it changes one document
     */
    void before(String what, long documents, Runnable undo) {
        if (!active || documents == 0) return;
        if (changed + documents > 1) refuse(what);
        changed += documents;
        this.undo = undo;
    }

    /**
     * Before an update or delete of the documents {@code query} matches: counts them, and keeps the one document to
     * restore it.
     *
     * @return whether any document matches (nothing need be sent otherwise)
     */
    boolean before(String what, Docs docs, Document query) {
        if (!active) return true;
        long n = docs.count(query);
        if (n == 0) return false;
        if (changed + n > 1) refuse(what);
        Document before = docs.find(query).first();
        changed += n;
        undo = () -> {
            docs.deleteMany(new Document("_id", before.get("_id")));
            docs.insertOne(before);
        };
        return true;
    }

    /**
     * After a later request of the same batch failed (a guard that matched nothing, a unique violation...): restores
     * the one document changed so far, so that a failed batch leaves nothing behind as a transaction would.
     */
    void undoAfterFailure(Throwable failure) {
        Runnable u = undo;
        undo = null;
        if (u == null) return;
        try {
            u.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void refuse(String what) {
        if (undo != null) undo.run();
        undo = null;
        QueryError p2031 = MongoErrors.transactionsNeedReplicaSet(null);
        throw new QueryError("P2031", p2031.getMessage() + " (Facet changed nothing: this write would " + what
                + " after changing another document, and this server has no transactions to make that all or nothing; "
                + "`facet query --allow-non-atomic` runs it anyway.)");
    }
}
