package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.grid.RelationPickerViewModel.Choice;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relation picker's view model without a Stage: what it lists, and the nested writes Save sends for its links. */
class RelationPickerViewModelTest {
    @TempDir
    Path dir;
    GridFixture db;

    @BeforeAll
    static void locale() { Locale.setDefault(Locale.US); }

    @BeforeEach
    void setUp() throws Exception { db = new GridFixture(dir, 60); }

    @AfterEach
    void tearDown() { db.close(); }

    ModelGridViewModel grid(String model) {
        ModelGridViewModel vm = new ModelGridViewModel(db.project, db.model(model), new DirectTaskExecutor(),
                new GridFixture.RecordingNavigator(), GridLayout.Store.inMemory());
        vm.ensureLoaded();
        return vm;
    }

    static RelationPickerViewModel picker(ModelGridViewModel vm, GridRow row, String column) {
        RelationPickerViewModel p = vm.picker(row, vm.column(column));
        p.load();
        return p;
    }

    static Choice find(RelationPickerViewModel p, String label) {
        p.search(label);
        return p.choices().stream().filter(c -> c.target().label().equals(label)).findFirst().orElseThrow();
    }

    static String data(ModelGridViewModel vm, int step) { return vm.plan().steps().get(step).request().args().get("data").toString(); }

    @Test
    void listsTheLinkedRecordsFirstAndPagesTheOthers() {
        ModelGridViewModel customers = grid("Customer");
        RelationPickerViewModel p = picker(customers, customers.rows().get(1), "orders");
        // Customer 2's three orders, then a first page of the others.
        assertThat(p.choices()).hasSize(3 + RelationPickerViewModel.PAGE);
        assertThat(p.choices().subList(0, 3)).extracting(Choice::toString).containsExactly("ORD-00003", "ORD-00004", "ORD-00005");
        assertThat(p.choices().subList(0, 4)).extracting(c -> c.checkedProperty().get()).containsExactly(true, true, true, false);
        assertThat(p.completeProperty().get()).isFalse();
        p.loadMore();
        assertThat(p.completeProperty().get()).isTrue();
        assertThat(p.choices()).hasSize((int) db.engine.execute("Order", "count", null).asLong());
        assertThat(p.columns()).extracting(GridColumn::name).containsExactly("id", "number", "status", "placedAt", "note");
    }

    @Test
    void aToOneLinkSavesAsConnectGuardedByTheLoadedForeignKey() {
        ModelGridViewModel orders = grid("Order");
        RelationPickerViewModel p = picker(orders, orders.rows().getFirst(), "customer");
        assertThat(p.choose(find(p, "Barbara Hopper")).ok()).isTrue();
        var step = orders.plan().steps().getFirst();
        assertThat(step.request().args().get("where").toString()).isEqualTo("{\"id\":1,\"customerId\":1}");
        assertThat(data(orders, 0)).isEqualTo("{\"customer\":{\"connect\":{\"id\":15}}}");
        assertThat(orders.pendingCountProperty().get()).isEqualTo(1);
    }

    @Test
    void unlinkingAnOptionalToOneSavesAsDisconnect() {
        ModelGridViewModel customers = grid("Customer");
        RelationPickerViewModel p = picker(customers, customers.rows().get(1), "referrer");
        assertThat(p.canUnlink()).isTrue();
        assertThat(p.unlink().ok()).isTrue();
        assertThat(data(customers, 0)).isEqualTo("{\"referrer\":{\"disconnect\":true}}");
    }

    @Test
    void aManyToManySavesAsConnectAndDisconnect() {
        ModelGridViewModel products = grid("Product");
        RelationPickerViewModel p = picker(products, products.rows().getFirst(), "categories");
        assertThat(p.toggle(p.choices().getFirst()).ok()).isTrue();
        assertThat(p.toggle(find(p, "Books")).ok()).isTrue();
        assertThat(p.apply().ok()).isTrue();
        assertThat(data(products, 0)).isEqualTo("{\"categories\":{\"connect\":[{\"id\":1}],\"disconnect\":[{\"id\":2}]}}");
        assertThat(products.pendingCountProperty().get()).isEqualTo(2);
    }

    @Test
    void ticksThatEndWhereTheyStartedAreNoChange() {
        ModelGridViewModel products = grid("Product");
        RelationPickerViewModel p = picker(products, products.rows().getFirst(), "categories");
        Choice books = find(p, "Books");
        p.toggle(books);
        p.toggle(books);
        assertThat(p.changeCountProperty().get()).isZero();
        assertThat(p.apply().ok()).isTrue();
        assertThat(products.dirtyProperty().get()).isFalse();
    }

    @Test
    void linksBesideATypedForeignKeyGoInAsForeignKeyValues() {
        ModelGridViewModel reviews = grid("Review");
        GridRow first = reviews.rows().getFirst();
        assertThat(reviews.edit(first, reviews.column("productId"), "7").ok()).isTrue();
        RelationPickerViewModel p = picker(reviews, first, "customer");
        assertThat(p.choose(find(p, "Ada Lovelace")).ok()).isTrue();
        // Prisma takes foreign keys as relations or as scalar fields, never both in one update.
        assertThat(data(reviews, 0)).isEqualTo("{\"productId\":7,\"customerId\":1}");
    }

    @Test
    void aNewRecordIsCreatedWithItsLinks() {
        ModelGridViewModel orders = grid("Order");
        GridRow draft = orders.addRecord();
        orders.edit(draft, orders.column("number"), "ORD-NEW");
        RelationPickerViewModel p = picker(orders, draft, "customer");
        assertThat(p.choices().getFirst().checkedProperty().get()).isFalse();
        p.choose(find(p, "Grace Lovelace"));
        assertThat(orders.cell(draft, orders.column("customerId")).text()).isEqualTo("2");
        assertThat(data(orders, 0)).isEqualTo("{\"number\":\"ORD-NEW\",\"customer\":{\"connect\":{\"id\":2}}}");
        orders.save();
        assertThat(orders.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(db.engine.execute("Order", "count", dev.facet.data.value.JsonCodec.parse("{\"where\":{\"number\":\"ORD-NEW\",\"customerId\":2}}"))
                .asLong()).isEqualTo(1);
    }

    @Test
    void aNewRecordLinksToManyRecordsAndACellRevertsOnItsOwn() {
        ModelGridViewModel products = grid("Product");
        GridRow draft = products.addRecord();
        products.edit(draft, products.column("name"), "Lamp");
        products.edit(draft, products.column("price"), "12.50");
        RelationPickerViewModel p = picker(products, draft, "categories");
        p.toggle(find(p, "Garden"));
        p.toggle(find(p, "Toys"));
        p.apply();
        assertThat(products.cell(draft, products.column("categories")).text()).isEqualTo("2 categories");
        assertThat(data(products, 0)).isEqualTo("{\"name\":\"Lamp\",\"price\":\"12.50\",\"categories\":{\"connect\":[{\"id\":3},{\"id\":5}]}}");

        // Reverting the cell drops the links and keeps the rest of the new record.
        products.revertCell(draft, products.column("categories"));
        assertThat(data(products, 0)).isEqualTo("{\"name\":\"Lamp\",\"price\":\"12.50\"}");
        p = picker(products, draft, "categories");
        p.toggle(find(p, "Toys"));
        p.apply();
        products.save();
        assertThat(products.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(db.engine.execute("Product", "findFirst", dev.facet.data.value.JsonCodec.parse(
                "{\"where\":{\"name\":\"Lamp\"},\"select\":{\"categories\":{\"select\":{\"name\":true}}}}")).toString())
                .isEqualTo("{\"categories\":[{\"name\":\"Toys\"}]}");
    }

    @Test
    void requiredRelationsSayWhyTheyCannotBeUnlinked() {
        ModelGridViewModel orders = grid("Order");
        assertThat(orders.picker(orders.rows().getFirst(), orders.column("customer")).unlink().reason())
                .isEqualTo("customer is required: an Order must have a Customer, so it can be changed but not unlinked.");
        ModelGridViewModel customers = grid("Customer");
        RelationPickerViewModel reviews = picker(customers, customers.rows().get(2), "reviews");
        assertThat(reviews.toggle(reviews.choices().getFirst()).reason()).startsWith("Review by customer 3: Linked Review records cannot be unlinked");
        // Records not linked yet can still be linked (they move over from their customer).
        assertThat(reviews.toggle(reviews.choices().get(1)).ok()).isTrue();
        assertThat(List.copyOf(reviews.pendingLabels())).containsExactly("+ Review by customer 6");
    }
}
