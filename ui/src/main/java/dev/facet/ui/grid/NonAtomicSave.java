package dev.facet.ui.grid;

import dev.facet.data.error.QueryError;
import java.util.function.Consumer;

/**
 * A Save refused because the database has no transactions (a standalone MongoDB server, P2031): nothing was written,
 * and the window says why and offers to save one document after another, with what that risks.
 */
final class NonAtomicSave {
    private NonAtomicSave() {}

    /** The button that accepts the offer. */
    static final String ACTION = "Save without a transaction";

    /**
     * @return whether {@code error} is that refusal; if so the message explaining it and the offer was given
     */
    static boolean offer(QueryError error, int changes, Consumer<ModelGridViewModel.Message> message) {
        if (error == null || !"P2031".equals(error.code())) return false;
        message.accept(new ModelGridViewModel.Message(ModelGridViewModel.Severity.WARNING, "Nothing was saved: "
                + (changes == 1 ? "this change touches" : "these " + changes + " changes touch")
                + " several documents, and this MongoDB server has no transactions (it is not a replica set), so they cannot be"
                + " saved all or nothing. \u201c" + ACTION + "\u201d writes them one document after another for the rest of this"
                + " session: if one fails, those written before it stay saved. Your changes are kept."));
        return true;
    }
}
