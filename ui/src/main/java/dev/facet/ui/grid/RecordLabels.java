package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.ui.ViewModelPart;
import java.text.NumberFormat;
import java.util.Locale;

/** How records and relation counts are named in relation cells, the relation picker and the record panel. */
@ViewModelPart
final class RecordLabels {
    private RecordLabels() {}

    /** @return how a to-one cell names the related record: its display value, else its model and key ({@code Address 7}) */
    static String related(GridColumn column, JsonNode related) { return record(column.related(), column.displayField(), related); }

    /**
     * @param display the model's display field (see {@link GridColumn#displayField}), or null
     * @return how a record is named in relation cells and the relation picker
     */
    static String record(Model model, ScalarField display, JsonNode record) {
        JsonNode v = display == null ? null : record.get(display.name());
        // A key says little on its own ("7"): it is shown with the model's name ("Address 7").
        boolean isKey = display != null && RowKey.fields(model).contains(display);
        if (!isKey && v != null && !v.isNull() && !v.asText().isEmpty()) return v.asText();
        RowKey k = RowKey.of(model, record);
        return k == null ? model.name() : model.name() + " " + ObjectIds.shortForm(k.label());
    }

    /** {@code 12 orders}, {@code 1 order}, {@code 0 categories}. */
    static String count(long n, String relationName) {
        String name = relationName;
        if (n == 1) {
            if (name.endsWith("ies")) name = name.substring(0, name.length() - 3) + "y";
            else if (name.endsWith("ses") || name.endsWith("xes")) name = name.substring(0, name.length() - 2);
            else if (name.endsWith("s") && !name.endsWith("ss")) name = name.substring(0, name.length() - 1);
        }
        return grouped(n) + " " + name;
    }

    /**
     * One number format per thread: {@code String.format("%,d")} makes a DecimalFormat at every call, and the footer's
     * range is written at every scrolled frame.
     */
    private static final ThreadLocal<NumberFormat> GROUPED =
        ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT)));

    /** @return {@code n} with the locale's grouping, as {@code String.format("%,d", n)} writes it ({@code 1,000,000}) */
    static String grouped(long n) { return GROUPED.get().format(n); }
}
