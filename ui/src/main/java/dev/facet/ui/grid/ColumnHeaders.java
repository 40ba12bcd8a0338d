package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A grid column's header (name, icons, type, markers and tooltip) and its default width, from the column alone. */
final class ColumnHeaders {
    private ColumnHeaders() {}

    /** Widths by type, wide enough for the header; never 80, the width JavaFX takes as "size me to my first rows". */
    static double defaultWidth(GridColumn c) {
        double header = 9 * c.name().length() + (c.id() || c.foreignKey() || c.isRelation() ? 20 : 0) + (c.requiredOnCreate() ? 12 : 0) + 24;
        return Math.max(header, typeWidth(c));
    }

    private static double typeWidth(GridColumn c) {
        if (c.isRelation()) return 150;
        if (c.kind() == GridColumn.Kind.COMPOSITE) return 280;
        // The short form (4 + … + 6 characters) whole, with the widest digits and the cell's padding.
        if (ObjectIds.is(c) && !c.isList()) return 140;
        if (c.kind() == GridColumn.Kind.ENUM) return 120;
        if (c.isList()) return 180;
        ScalarType t = c.scalarType();
        if (t == null) return 130;
        return switch (t) {
            case INT -> c.id() ? 86 : 110;
            case BIG_INT -> 170;
            case BOOLEAN -> 90;
            case FLOAT, DECIMAL -> 110;
            case DATE_TIME -> 170;
            case JSON -> 220;
            case BYTES -> 200;
            case STRING -> 190;
        };
    }

    /**
     * The header: name (with a key icon for ids and a link icon for relations and foreign keys), type and markers. The
     * name and the required mark are {@code Text}, not {@code Label}s: a label is about 250 objects more, and a new
     * grid's headers are copied by the young collection after an open (ADR 0044). The first row of the box is where
     * {@link #showSortMark} puts a column's sort mark.
     */
    static VBox header(GridColumn c, ModelGridViewModel vm) {
        Text name = new Text(c.name());
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "column-name");
        HBox top = new HBox(3);
        top.getStyleClass().add("column-title");
        FontIcon kind = c.id() ? icon(Feather.KEY, "key-icon") : c.isRelation() || c.foreignKey() ? icon(Feather.LINK_2, "link-icon") : null;
        if (kind != null) {
            // As a label's graphic sat before its text.
            HBox.setMargin(kind, new javafx.geometry.Insets(0, 1, 0, 0));
            top.getChildren().add(kind);
        }
        top.getChildren().add(name);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (c.requiredOnCreate()) {
            Text star = new Text("*");
            star.getStyleClass().add("required-mark");
            top.getChildren().add(star);
        }
        List<String> marks = new ArrayList<>();
        if (c.id()) marks.add("id");
        if (c.unique()) marks.add("unique");
        if (c.kind() == GridColumn.Kind.UNAVAILABLE) marks.add("missing in the database");
        String defaults = c.defaultDescription();
        if (defaults != null) marks.add("= " + defaults);
        Label type = new Label();
        String suffix = marks.isEmpty() ? "" : " · " + String.join(" · ", marks);
        if (c.scalarType() == ScalarType.DATE_TIME) {
            // DateTime values show in the grid's zone, so the header names it.
            type.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> CellValues.headerType(c) + " (" + CellValues.zoneLabel(vm.zoneProperty().get()) + ")" + suffix, vm.zoneProperty()));
        } else {
            type.setText(CellValues.headerType(c) + suffix);
        }
        type.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "column-type");
        VBox box = new VBox(0, top, type);
        box.getStyleClass().add("column-header-box");
        StringBuilder tip = new StringBuilder(c.name() + ": " + c.typeLabel()
                + (c.scalar() != null && c.scalar().nativeType() != null ? " @db." + c.scalar().nativeType() : ""));
        if (c.id()) tip.append("\nPrimary key");
        if (c.id() && !vm.project().engine().supports(dev.facet.data.connector.ConnectorCapability.UPDATABLE_ID)) {
            tip.append("\nRead-only once saved: MongoDB cannot change a document's _id");
        }
        if (c.unique()) tip.append("\nUnique");
        if (c.foreignKey()) tip.append("\nForeign key");
        if (c.requiredOnCreate()) tip.append("\nRequired: a new record needs a value");
        if (defaults != null) tip.append("\nDefault: ").append(defaults);
        if (c.kind() == GridColumn.Kind.UNSUPPORTED) tip.append("\nRead-only: Prisma Client cannot read or write this type");
        if (c.kind() == GridColumn.Kind.UNAVAILABLE) tip.append("\n").append(GridColumn.unavailableWhy(c));
        if (c.field().documentation() != null) tip.append("\n\n").append(c.field().documentation());
        LazyTooltip.install(box, tip.toString());
        return box;
    }

    /**
     * Shows a sort key in a header made by {@link #header}: an arrow, with its rank when several columns are sorted
     * ({@code rank}, else null). A null {@code descending} takes the mark away: unsorted columns have none.
     */
    static void showSortMark(VBox header, Boolean descending, String rank) {
        HBox top = (HBox) header.getChildren().getFirst();
        top.getChildren().removeIf(n -> n.getStyleClass().contains("sort-mark"));
        if (descending == null) return;
        Label mark = new Label(rank, icon(descending ? Feather.ARROW_DOWN : Feather.ARROW_UP, "sort-icon"));
        mark.getStyleClass().addAll(Styles.TEXT_SMALL, "sort-mark");
        // The theme lets header labels grow; the mark keeps its own width so the name is never cut for it.
        mark.setMinWidth(Region.USE_PREF_SIZE);
        mark.setMaxWidth(Region.USE_PREF_SIZE);
        top.getChildren().add(mark);
    }

    static FontIcon icon(Feather f, String style) {
        FontIcon i = new FontIcon(f);
        i.getStyleClass().add(style);
        return i;
    }
}
