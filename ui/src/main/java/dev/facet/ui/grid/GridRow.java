package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One row of the grid: a record of the result (loaded, or still loading), or a new record that is not
 * saved yet (a draft). Rows are created empty and filled in place when their page arrives, so the
 * table never has to replace items; {@link #revisionProperty()} tells cells to draw again.
 */
public final class GridRow {
    private final int index;
    private final int draftNumber;
    private final Map<String, JsonNode> draftValues;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private ObjectNode record;
    private RowKey key;
    private boolean missing;

    private GridRow(int index, int draftNumber) {
        this.index = index;
        this.draftNumber = draftNumber;
        this.draftValues = draftNumber > 0 ? new LinkedHashMap<>() : null;
    }

    /** A row of the result at {@code index}, still to be loaded. */
    static GridRow placeholder(int index) { return new GridRow(index, 0); }

    /** A new record, numbered from 1 in the order they were added. */
    static GridRow draft(int number) { return new GridRow(-1, number); }

    /** @return the position in the query result (0-based), or -1 for a draft */
    public int index() { return index; }

    /** @return whether this is a new record not saved yet */
    public boolean isDraft() { return draftNumber > 0; }

    /** @return the draft's number (1, 2, ...), or 0 */
    public int draftNumber() { return draftNumber; }

    /** @return whether the record has arrived (drafts are always loaded) */
    public boolean isLoaded() { return isDraft() || record != null; }

    /** @return whether the result had no row here any more when the page arrived (rows were deleted meanwhile) */
    public boolean isMissing() { return missing; }

    /** @return the record as read from the database, or null while loading and for drafts */
    public ObjectNode record() { return record; }

    /** @return the record's key, or null for drafts and rows still loading */
    public RowKey key() { return key; }

    /** @return the values typed into a draft, by field (a JSON null is an explicit NULL) */
    Map<String, JsonNode> draftValues() { return draftValues; }

    /** @return a number that changes whenever something shown in the row changes */
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    void fill(ObjectNode rec, RowKey k) {
        this.record = rec;
        this.key = k;
        this.missing = rec == null;
        changed();
    }

    void changed() { revision.set(revision.get() + 1); }

    @Override
    public String toString() {
        return isDraft() ? "new record " + draftNumber : key != null ? "row " + key.label() : "row #" + (index + 1);
    }
}
