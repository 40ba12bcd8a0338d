package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What narrows the grid's rows: the filter it was opened with (following a relation), the filter bar's
 * conditions and the quick search, combined into one Prisma {@code where}. A change runs the query again.
 */
@ViewModelPart
final class GridFilters {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<GridColumn> columns;
    private final FilterGroup filter;
    private final boolean insensitiveSupported;
    private final Supplier<ZoneId> zone;
    private final GridMessages messages;
    private final Runnable changed;
    private final ReadOnlyStringWrapper quickSearch = new ReadOnlyStringWrapper(this, "quickSearch", "");
    private final ReadOnlyStringWrapper baseWhereText = new ReadOnlyStringWrapper(this, "baseWhereText");
    private final ReadOnlyStringWrapper filterText = new ReadOnlyStringWrapper(this, "filterText");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private ObjectNode baseWhere;
    private ObjectNode filterWhere;
    private ObjectNode searchWhere;

    /**
     * @param insensitiveSupported whether text filters can ignore case on this database
     * @param zone                 the zone dates are typed in
     * @param absentFields         whether fields can be missing from a record (filters then offer is set / is not set)
     * @param changed              runs when the where in effect changes
     */
    GridFilters(Schema schema, Model model, List<GridColumn> columns, boolean insensitiveSupported, boolean absentFields, Supplier<ZoneId> zone,
                GridMessages messages, Runnable changed) {
        this.columns = columns;
        this.filter = new FilterGroup(schema, model, absentFields);
        this.insensitiveSupported = insensitiveSupported;
        this.zone = zone;
        this.messages = messages;
        this.changed = changed;
    }

    FilterGroup filter() { return filter; }

    ReadOnlyStringProperty quickSearchProperty() { return quickSearch.getReadOnlyProperty(); }

    ReadOnlyStringProperty baseWhereTextProperty() { return baseWhereText.getReadOnlyProperty(); }

    ReadOnlyStringProperty filterTextProperty() { return filterText.getReadOnlyProperty(); }

    ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }

    boolean insensitiveSupported() { return insensitiveSupported; }

    boolean isFiltered() { return baseWhere != null || filterWhere != null || searchWhere != null; }

    /** @return the where in effect (a copy), or null */
    ObjectNode where() {
        ObjectNode w = Wheres.and(baseWhere, filterWhere, searchWhere);
        return w == null ? null : w.deepCopy();
    }

    void applyFilter() {
        filter.clearErrors();
        try {
            filterWhere = filter.toWhere(options());
        } catch (FilterCondition.Invalid e) {
            filterError.set(e.getMessage());
            return;
        }
        filterError.set(null);
        filterText.set(filterWhere == null ? null : Wheres.describe(filterWhere));
        changed.run();
    }

    void clearFilter() {
        filter.children().clear();
        filter.clearErrors();
        filterError.set(null);
        boolean had = filterWhere != null;
        filterWhere = null;
        filterText.set(null);
        if (had) changed.run();
    }

    void search(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals(quickSearch.get())) return;
        quickSearch.set(t);
        searchWhere = Wheres.quickSearch(columns, t, options());
        changed.run();
    }

    /**
     * A text that is not a JSON object is reported in the message area, and the grid then shows no rows
     * rather than all of them (which would look like the filter worked).
     */
    void setInitialWhere(String whereJson) {
        ObjectNode w = null;
        String text = null;
        if (whereJson != null && !whereJson.isBlank()) {
            JsonNode n;
            try {
                n = JsonCodec.parse(whereJson);
            } catch (IllegalArgumentException e) {
                n = null;
            }
            if (n != null && n.isObject()) {
                w = n.isEmpty() ? null : (ObjectNode) n;
                text = w == null ? null : Wheres.describe(w);
            } else {
                w = (ObjectNode) JSON.objectNode().set("OR", JSON.arrayNode());
                text = "(not a where object) " + whereJson;
                messages.show(Severity.ERROR, "The filter this grid was opened with is not a JSON object: " + whereJson);
            }
        }
        baseWhere = w;
        baseWhereText.set(text);
        changed.run();
    }

    FilterNode.Options options() { return new FilterNode.Options(zone.get(), insensitiveSupported); }
}
