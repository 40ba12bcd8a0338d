package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.ScalarType;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.RowState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a cell shows and how a row is drawn: the loaded value, or the pending one with what it was; a new record's
 * defaults and required fields; relation labels and counts; NULL against empty text; conflicts and errors.
 */
@ViewModelPart
final class CellPresenter {
    private final PendingChanges pending;
    private final Supplier<ZoneId> zone;

    CellPresenter(PendingChanges pending, Supplier<ZoneId> zone) {
        this.pending = pending;
        this.zone = zone;
    }

    CellContent cell(GridRow row, GridColumn column) {
        ChangeSet changes = pending.changes();
        EnumSet<CellFlag> flags = EnumSet.noneOf(CellFlag.class);
        if (isNumeric(column)) flags.add(CellFlag.NUMBER);
        if (!column.editable() || pending.readOnlyReason() != null) flags.add(CellFlag.READ_ONLY);
        if (row.isDraft()) return draftCell(row, column, flags);
        if (pending.lockedOnStoredRecords(column)) flags.add(CellFlag.READ_ONLY);
        if (!row.isLoaded()) {
            flags.add(CellFlag.LOADING);
            return new CellContent(row.isMissing() ? "" : "…", flags, null);
        }
        RowKey key = row.key();
        if (key != null && changes.isDeleted(key)) flags.add(CellFlag.DELETED);
        Conflict conflict = key == null ? null : pending.conflictOf(key);
        ObjectNode record = row.record();
        LinkChange link = changes.link(row, column.name());
        if (link != null) return linkContent(link, record, flags);
        LinkChange.ToOne setter = pending.linkSetting(row, column);
        if (setter != null) {
            flags.add(CellFlag.PENDING);
            return valueContent(column, setter.foreignKeyValues().get(column.name()), flags,
                    "Follows the new link of " + setter.column().name() + "; was " + describe(column, record.get(column.name())));
        }
        return switch (column.kind()) {
            case TO_ONE -> {
                JsonNode related = record.get(column.name());
                if (related == null || related.isNull()) {
                    flags.add(CellFlag.NULL);
                    yield new CellContent("NULL", flags, "Enter or a double click: choose the " + column.related().name() + " to link");
                }
                flags.add(CellFlag.LINK);
                yield new CellContent(RecordLabels.related(column, related), flags, "Open this " + column.related().name()
                        + " (Ctrl+click: in a new tab); Enter: link another");
            }
            case TO_MANY -> {
                long n = record.path("_count").path(column.name()).asLong();
                flags.add(CellFlag.LINK);
                yield new CellContent(RecordLabels.count(n, column.name()), flags, "Open these " + column.related().name()
                        + " records (Ctrl+click: in a new tab); Enter: link or unlink some");
            }
            case UNSUPPORTED -> new CellContent("unsupported", flags, column.typeLabel() + " cannot be read or written through Prisma Client");
            case UNAVAILABLE -> new CellContent("unavailable", flags, GridColumn.unavailableWhy(column));
            default -> {
                JsonNode loaded = record.get(column.name());
                String tooltip = null;
                JsonNode shown = loaded;
                if (key != null && changes.has(key, column.name())) {
                    shown = changes.value(key, column.name());
                    flags.add(CellFlag.PENDING);
                    tooltip = "Changed; was " + (AbsentFields.isAbsent(record, column.name()) ? "missing" : describe(column, loaded));
                    if (conflict != null) {
                        flags.add(CellFlag.CONFLICT);
                        tooltip += conflict.deleted() ? "; the record was deleted by someone else"
                                : "; now " + describe(column, conflict.theirs().get(column.name())) + " in the database";
                    }
                }
                if (shown == loaded && AbsentFields.isAbsent(record, column.name())) {
                    flags.add(CellFlag.NULL);
                    yield new CellContent("missing", flags, "This document has no " + column.name() + " field, not even null");
                }
                yield valueContent(column, shown, flags, tooltip);
            }
        };
    }

    private CellContent draftCell(GridRow row, GridColumn column, EnumSet<CellFlag> flags) {
        LinkChange link = pending.changes().link(row, column.name());
        if (link != null) return linkContent(link, null, flags);
        LinkChange.ToOne setter = pending.linkSetting(row, column);
        if (setter != null) {
            flags.add(CellFlag.PENDING);
            return valueContent(column, setter.foreignKeyValues().get(column.name()), flags, "Follows the link of " + setter.column().name());
        }
        if (column.isRelation()) {
            boolean required = column.kind() == GridColumn.Kind.TO_ONE && column.relation().isRequired();
            flags.add(required ? CellFlag.REQUIRED : CellFlag.NULL);
            String choose = "Press Enter to choose the " + column.related().name() + (column.kind() == GridColumn.Kind.TO_ONE ? "" : " records")
                    + " to link";
            return new CellContent(required ? "required" : column.kind() == GridColumn.Kind.TO_ONE ? "NULL" : "none", flags, choose);
        }
        if (column.kind() == GridColumn.Kind.UNAVAILABLE) return new CellContent("unavailable", flags, GridColumn.unavailableWhy(column));
        if (row.draftValues().containsKey(column.name())) {
            flags.add(CellFlag.PENDING);
            return valueContent(column, row.draftValues().get(column.name()), flags, null);
        }
        String def = column.defaultDescription();
        if (def != null) {
            flags.add(CellFlag.DEFAULT);
            return new CellContent(def, flags, "Default: the record gets " + def + " when saved, unless you type a value");
        }
        if (column.requiredOnCreate()) {
            flags.add(CellFlag.REQUIRED);
            String error = pending.rowErrors().get(row);
            return new CellContent("required", flags, error != null ? error : column.name() + " needs a value");
        }
        if (column.nullable() || column.kind() == GridColumn.Kind.UNSUPPORTED) {
            flags.add(CellFlag.NULL);
            return new CellContent("NULL", flags, null);
        }
        return new CellContent("", flags, null);
    }

    private CellContent valueContent(GridColumn column, JsonNode value, EnumSet<CellFlag> flags, String tooltip) {
        if (DocumentFields.isUnset(value)) {
            flags.add(CellFlag.NULL);
            return new CellContent("unset", flags, "Removed from the document when saved" + (tooltip == null ? "" : "; " + tooltip));
        }
        if (value == null || value.isNull()) {
            flags.add(CellFlag.NULL);
            return new CellContent("NULL", flags, tooltip);
        }
        if (value.isTextual() && value.asText().isEmpty() && column.scalarType() == ScalarType.STRING) {
            flags.add(CellFlag.EMPTY);
            return new CellContent("", flags, tooltip == null ? "Empty text (not NULL)" : tooltip);
        }
        String text = CellValues.display(column, value, zone.get());
        if (tooltip == null && column.scalarType() == ScalarType.DATE_TIME) tooltip = text + " " + CellValues.zoneLabel(zone.get());
        if (tooltip == null && ObjectIds.is(column)) tooltip = ObjectIds.tooltip(value);
        return new CellContent(text, flags, tooltip);
    }

    private String describe(GridColumn column, JsonNode value) { return describe(column, value, zone.get()); }

    /** @return a value for people in a tooltip or message: NULL, empty text, else as the cell shows it */
    static String describe(GridColumn column, JsonNode value, ZoneId zone) {
        if (value == null || value.isNull()) return "NULL";
        if (value.isTextual() && value.asText().isEmpty()) return "empty text";
        return CellValues.display(column, value, zone);
    }

    private static boolean isNumeric(GridColumn c) {
        return !c.isList() && c.scalarType() != null && c.scalarType().isNumeric();
    }

    /** A relation cell with a pending link: what it will point at once saved, and what it pointed at. */
    private static CellContent linkContent(LinkChange link, ObjectNode record, EnumSet<CellFlag> flags) {
        flags.add(CellFlag.PENDING);
        return switch (link) {
            case LinkChange.ToOne one -> {
                if (one.target() == null) flags.add(CellFlag.NULL);
                yield new CellContent(one.target() == null ? "NULL" : one.target().label(), flags,
                        (one.target() == null ? "Unlinked" : "Linked") + (one.was() == null ? "" : "; was " + one.was()));
            }
            case LinkChange.ToMany many -> {
                GridColumn c = many.column();
                long had = record == null ? 0 : record.path("_count").path(c.name()).asLong();
                List<String> parts = new ArrayList<>();
                if (!many.added().isEmpty()) parts.add("+ " + labels(many.added()));
                if (!many.removed().isEmpty()) parts.add("− " + labels(many.removed()));
                yield new CellContent(RecordLabels.count(had + many.added().size() - many.removed().size(), c.name()), flags,
                        String.join("\n", parts) + (record == null ? "" : "\nwas " + RecordLabels.count(had, c.name())));
            }
        };
    }

    private static String labels(List<LinkChange.Target> targets) {
        List<String> names = targets.stream().map(LinkChange.Target::label).limit(8).toList();
        return String.join(", ", names) + (targets.size() > names.size() ? " and " + (targets.size() - names.size()) + " more" : "");
    }

    RowState rowState(GridRow row) {
        java.util.Map<Object, String> rowErrors = pending.rowErrors();
        if (row.isDraft()) return rowErrors.containsKey(row) ? RowState.ERROR : RowState.NEW;
        if (!row.isLoaded()) return RowState.LOADING;
        RowKey key = row.key();
        if (key == null) return RowState.CLEAN;
        if (pending.conflictOf(key) != null) return RowState.CONFLICT;
        if (rowErrors.containsKey(key)) return RowState.ERROR;
        if (pending.changes().isDeleted(key)) return RowState.DELETED;
        if (pending.changes().edit(key) != null) return RowState.CHANGED;
        return RowState.CLEAN;
    }

    String rowError(GridRow row) { return pending.rowErrors().get(row.isDraft() ? row : row.key()); }

    String editText(GridRow row, GridColumn column) { return CellValues.editText(column, pending.editValue(row, column), zone.get()); }
}
