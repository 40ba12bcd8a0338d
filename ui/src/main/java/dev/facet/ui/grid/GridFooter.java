package dev.facet.ui.grid;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.facet.ui.grid.ModelGridViewModel.PagingMode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The grid's footer: the range shown and the count, the load time, the time zone, paging mode, page size and pager. */
final class GridFooter {
    private GridFooter() {}

    static Node build(ModelGridViewModel vm) {
        // The footer fits a grid beside the sidebar in a 1024-pixel window: the row count never shrinks, the controls
        // are short (their meaning in tooltips), and the load time, least needed, is the first to give way.
        Label range = new Label();
        range.setId("range");
        range.textProperty().bind(vm.rangeTextProperty());
        range.getStyleClass().add(Styles.TEXT_BOLD);
        range.setMinWidth(Region.USE_PREF_SIZE);
        // A big table shows the catalog's estimate; counting it exactly reads the whole table, so only on request.
        javafx.scene.control.Hyperlink exact = new javafx.scene.control.Hyperlink("Count exactly");
        exact.setId("count-exactly");
        exact.getStyleClass().add(Styles.TEXT_SMALL);
        exact.setOnAction(e -> vm.countExactly());
        exact.visibleProperty().bind(vm.estimatedProperty());
        exact.managedProperty().bind(exact.visibleProperty());
        exact.setMinWidth(Region.USE_PREF_SIZE);
        Label info = new Label();
        info.setId("load-info");
        info.textProperty().bind(vm.loadInfoProperty());
        info.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        info.setMinWidth(0);
        // Where the footer has no room for the whole of it, none of it: "loaded i…" says nothing.
        info.visibleProperty().bind(Bindings.createBooleanBinding(() -> info.getWidth() + 0.5 >= info.prefWidth(-1),
                info.widthProperty(), info.textProperty()));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.getStyleClass().add(Styles.SMALL);
        progress.setPrefWidth(40);
        progress.setMinWidth(40);
        progress.visibleProperty().bind(vm.loadingProperty().or(vm.savingProperty()));

        // Choice boxes, not combo boxes: a combo box builds its list (a virtual flow and its skin) in a new tab's first
        // frame, where a choice box makes its menu only when opened.
        ChoiceBox<ZoneId> zone = new ChoiceBox<>();
        zone.setId("zone");
        zone.getItems().setAll(ZoneOffset.UTC, ZoneId.systemDefault());
        zone.getItems().setAll(zone.getItems().stream().distinct().toList());
        zone.setConverter(converter(CellValues::zoneLabel));
        LazyTooltip.install(zone, "The time zone DateTime values are shown and typed in");
        FontIcon clock = new FontIcon(Feather.CLOCK);
        HBox zoneBox = new HBox(4, clock, zone);
        zoneBox.setAlignment(Pos.CENTER_LEFT);
        // A choice box is as wide as its longest item ("Europe/Amsterdam (UTC+01:00)"): these stay short.
        zone.setPrefWidth(110);
        zone.setMinWidth(70);
        zone.setValue(vm.zoneProperty().get());
        zone.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.zoneProperty().set(b);
        });
        zone.getStyleClass().add(Styles.SMALL);

        ToggleSwitch scroll = new ToggleSwitch("Scroll");
        scroll.setId("scroll-mode");
        LazyTooltip.install(scroll, "Infinite scroll: one long list with the exact count, instead of pages");
        scroll.setSelected(vm.pagingModeProperty().get() == PagingMode.SCROLL);
        scroll.selectedProperty().addListener((o, a, b) -> vm.pagingModeProperty().set(b ? PagingMode.SCROLL : PagingMode.PAGES));
        vm.pagingModeProperty().addListener((o, a, b) -> scroll.setSelected(b == PagingMode.SCROLL));

        ChoiceBox<Integer> size = new ChoiceBox<>();
        size.setId("page-size");
        size.getItems().setAll(GridLayout.PAGE_SIZES);
        size.setValue(vm.pageSizeProperty().get());
        size.setConverter(converter(n -> n + " rows"));
        LazyTooltip.install(size, "Rows per page, and per step of the infinite scroll");
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.pageSizeProperty().set(b);
        });
        vm.pageSizeProperty().addListener((o, a, b) -> size.setValue(b.intValue()));
        size.getStyleClass().add(Styles.SMALL);

        Button first = ModelGridView.iconButton("first-page", Feather.CHEVRONS_LEFT, "First page", vm::firstPage);
        Button prev = ModelGridView.iconButton("previous-page", Feather.CHEVRON_LEFT, "Previous page", vm::previousPage);
        Button next = ModelGridView.iconButton("next-page", Feather.CHEVRON_RIGHT, "Next page", vm::nextPage);
        Button last = ModelGridView.iconButton("last-page", Feather.CHEVRONS_RIGHT, "Last page", vm::lastPage);
        first.disableProperty().bind(vm.pageIndexProperty().isEqualTo(0));
        prev.disableProperty().bind(vm.pageIndexProperty().isEqualTo(0));
        next.disableProperty().bind(vm.pageIndexProperty().greaterThanOrEqualTo(vm.pageCountProperty().subtract(1)));
        last.disableProperty().bind(next.disableProperty());
        TextField page = new TextField("1");
        page.setId("page-field");
        page.setPrefColumnCount(4);
        page.getStyleClass().add(Styles.SMALL);
        vm.pageIndexProperty().addListener((o, a, b) -> page.setText(Integer.toString(b.intValue() + 1)));
        page.setOnAction(e -> {
            try {
                vm.goToPage(Integer.parseInt(page.getText().strip()) - 1);
            } catch (NumberFormatException ex) {
                page.setText(Integer.toString(vm.pageIndexProperty().get() + 1));
            }
        });
        Label of = new Label();
        of.textProperty().bind(Bindings.createStringBinding(() -> vm.estimatedProperty().get()
                        ? "of about " + ModelGridViewModel.compactCount(vm.pageCountProperty().get())
                        : String.format(Locale.ROOT, "of %,d", vm.pageCountProperty().get()),
                vm.pageCountProperty(), vm.estimatedProperty()));
        of.setMinWidth(Region.USE_PREF_SIZE);
        Label pageLabel = new Label("Page");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox pager = new HBox(2, first, prev, pageLabel, page, of, next, last);
        pager.setMinWidth(Region.USE_PREF_SIZE);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.getStyleClass().add("pager");
        pager.visibleProperty().bind(vm.pagingModeProperty().isEqualTo(PagingMode.PAGES));
        pager.managedProperty().bind(pager.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        scroll.setMinWidth(Region.USE_PREF_SIZE);
        size.setPrefWidth(96);
        size.setMinWidth(96);
        HBox.setHgrow(info, Priority.SOMETIMES);
        info.setMaxWidth(Double.MAX_VALUE);
        // Where even the short controls do not fit (a million rows: "of 10,000" pages), the word "Page" and the clock
        // give way before the pager's last button would be cut.
        HBox footer = new GivingWayBox(10, List.of(pageLabel, clock), range, exact, progress, info, spacer, zoneBox, scroll, size, pager);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("grid-footer");
        return footer;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : text.apply(t); }

            @Override public T fromString(String s) { return null; }
        };
    }

}
