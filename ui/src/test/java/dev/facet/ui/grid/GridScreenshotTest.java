package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of the grid in its main states, written to {@code target/screenshots/} to be looked at
 * (the one in docs/screenshots/grid.png comes from here).
 */
class GridScreenshotTest extends GridWindowTest {
    GridScreenshotTest() { super("grid-shots", 1_000); }

    @AfterEach
    void lightAgain() { GridFx.lightTheme(); }

    ModelGridView show(String model, boolean dark) {
        ModelGridView view = onFx(() -> {
            if (dark) GridFx.darkTheme();
            else GridFx.lightTheme();
            var vm = new ModelGridViewModel(db.project, db.model(model), executor, new GridFixture.RecordingNavigator(), GridLayout.Store.inMemory());
            ModelGridView v = new ModelGridView(vm);
            stage.setScene(new Scene(v, 1280, 760));
            stage.show();
            return v;
        });
        // The grid comes in over a few pulses: the snapshot waits until it is all there.
        waitUntil(() -> view.viewModel().totalCountProperty().get() >= 0 && !view.viewModel().loadingProperty().get() && view.isBuilt());
        return view;
    }

    /** A customer grid with a bit of everything: a sort, a filter, pending edits, a new and a deleted record. */
    void stage(ModelGridView view) {
        ModelGridViewModel vm = view.viewModel();
        // Room for the relation columns: the stored times and the picture step aside.
        fx(() -> List.of("avatar", "createdAt", "updatedAt").forEach(c -> vm.setColumnVisible(c, false)));
        fx(() -> vm.setSortOrder(List.of(new ModelGridViewModel.SortKey("orders", true), new ModelGridViewModel.SortKey("name", false))));
        waitUntil(() -> !vm.loadingProperty().get());
        fx(() -> {
            vm.edit(vm.rows().get(1), vm.column("name"), "Grace Brewster Hopper");
            vm.edit(vm.rows().get(1), vm.column("role"), "ADMIN");
            vm.edit(vm.rows().get(3), vm.column("points"), "4200");
            GridRow draft = vm.addRecord();
            vm.edit(draft, vm.column("email"), "new.customer@example.com");
            vm.edit(draft, vm.column("name"), "New Customer");
            view.table().getSelectionModel().clearAndSelect(3, view.table().tableColumn("points"));
        });
    }

    @Test
    void grid() {
        ModelGridView view = show("Customer", false);
        stage(view);
        Path shot = GridFx.snapshot(view.getScene(), "grid");
        assertThat(shot).exists();

        fx(() -> {
            view.viewModel().filter().addCondition("role", FilterOperator.IN, "STAFF, ADMIN");
            FilterCondition orders = view.viewModel().filter().addCondition("orders", FilterOperator.SOME, "");
            orders.nestedProperty().get().addCondition("status", FilterOperator.EQUALS, "PAID");
            view.lookup("#filter-toggle").getProperties();
            ((javafx.scene.control.ToggleButton) view.lookup("#filter-toggle")).setSelected(true);
            view.viewModel().applyFilter();
        });
        waitUntil(() -> !view.viewModel().loadingProperty().get());
        GridFx.snapshot(view.getScene(), "grid-filter");

        ModelGridView dark = show("Customer", true);
        stage(dark);
        GridFx.snapshot(dark.getScene(), "grid-dark");
    }

    /** The relation picker of a product's categories, with one linked category unticked and another ticked. */
    @Test
    void relationPicker() {
        ModelGridView view = show("Product", false);
        ModelGridViewModel vm = view.viewModel();
        fx(() -> view.openRelationPicker(vm.rows().get(2), vm.column("categories"), null));
        waitUntil(() -> view.lookup("#picker-table") instanceof javafx.scene.control.TableView<?> t && t.getItems().size() == 5);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var table = (javafx.scene.control.TableView<RelationPickerViewModel.Choice>) view.lookup("#picker-table");
            RelationPicker picker = (RelationPicker) view.lookup("#relation-picker");
            picker.viewModel().toggle(table.getItems().get(0));
            picker.viewModel().toggle(table.getItems().get(3));
            table.getSelectionModel().select(3);
        });
        GridFx.snapshot(view.getScene(), "relation-picker");
        fx(() -> view.lookup("#picker-cancel").fireEvent(new javafx.event.ActionEvent()));

        ModelGridView orders = show("Order", true);
        fx(() -> orders.openRelationPicker(orders.viewModel().rows().get(0), orders.viewModel().column("customer"), null));
        waitUntil(() -> orders.lookup("#picker-table") instanceof javafx.scene.control.TableView<?> t && !t.getItems().isEmpty());
        GridFx.snapshot(orders.getScene(), "relation-picker-dark");
    }

    @Test
    void sheetsAndBars() throws Exception {
        ModelGridView view = show("Customer", false);
        ModelGridViewModel vm = view.viewModel();
        fx(() -> vm.requestDelete(List.of(vm.rows().get(2))));
        waitUntil(() -> vm.deletePreviewProperty().get() != null);
        GridFx.snapshot(view.getScene(), "grid-delete-blocked");
        fx(vm::cancelDelete);
        db.sql("DELETE FROM \"Order\" WHERE customerId = 3");
        fx(() -> vm.requestDelete(List.of(vm.rows().get(2))));
        waitUntil(() -> vm.deletePreviewProperty().get() != null);
        GridFx.snapshot(view.getScene(), "grid-delete");
        fx(vm::confirmDelete);

        fx(() -> vm.edit(vm.rows().get(0), vm.column("name"), "Mine"));
        db.sql("UPDATE \"Customer\" SET name = 'Theirs' WHERE id = 1");
        fx(vm::save);
        waitUntil(() -> !vm.conflicts().isEmpty());
        GridFx.snapshot(view.getScene(), "grid-conflict");

        db.dataSource.down = true;
        fx(vm::reload);
        waitUntil(() -> vm.connectionLostProperty().get());
        GridFx.snapshot(view.getScene(), "grid-offline");
        db.dataSource.down = false;

        ModelGridView products = show("Product", false);
        fx(() -> products.openValueEditor(products.viewModel().rows().getFirst(), products.viewModel().column("attributes")));
        GridFx.snapshot(products.getScene(), "grid-json-editor");
        fx(() -> products.openValueEditor(products.viewModel().rows().getFirst(), products.viewModel().column("description")));
        ModelGridView customers = show("Customer", false);
        fx(() -> customers.openValueEditor(customers.viewModel().rows().getFirst(), customers.viewModel().column("avatar")));
        GridFx.snapshot(customers.getScene(), "grid-bytes-editor");
        ModelGridView lines = show("OrderLine", false);
        GridFx.snapshot(lines.getScene(), "grid-orderlines");
    }
}
