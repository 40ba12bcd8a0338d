package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.ui.grid.ModelGridViewModel.RowState;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import dev.facet.ui.grid.ModelGridViewModel.SortKey;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid's view model on a real SQLite database, without a Stage: every flow the grid offers. */
class ModelGridViewModelTest {
    @TempDir
    Path dir;
    GridFixture db;
    GridFixture.RecordingNavigator navigator;
    GridLayout.Store layouts;

    @BeforeAll
    static void locale() { Locale.setDefault(Locale.US); }

    @BeforeEach
    void setUp() throws Exception {
        db = new GridFixture(dir, 250);
        navigator = new GridFixture.RecordingNavigator();
        layouts = GridLayout.Store.inMemory();
    }

    @AfterEach
    void tearDown() { db.close(); }

    ModelGridViewModel grid(String model) {
        ModelGridViewModel vm = new ModelGridViewModel(db.project, db.model(model), new DirectTaskExecutor(), navigator, layouts);
        vm.ensureLoaded();
        return vm;
    }

    static String text(ModelGridViewModel vm, int row, String column) {
        return vm.cell(vm.rows().get(row), vm.column(column)).text();
    }

    // ---------------------------------------------------------------- browsing

    @Test
    void columnsFollowTheSchemaWithTypesAndMarkers() {
        ModelGridViewModel vm = grid("Customer");
        assertThat(vm.columns()).extracting(GridColumn::name).containsExactly("id", "email", "name", "role", "points", "birthday",
                "avatar", "createdAt", "updatedAt", "address", "orders", "reviews", "referrerId", "referrer", "referrals");
        GridColumn id = vm.column("id");
        assertThat(id.id()).isTrue();
        assertThat(id.requiredOnCreate()).isFalse();
        assertThat(vm.column("email").unique()).isTrue();
        assertThat(vm.column("email").requiredOnCreate()).isTrue();
        assertThat(vm.column("birthday").typeLabel()).isEqualTo("DateTime?");
        assertThat(vm.column("orders").typeLabel()).isEqualTo("Order[]");
        assertThat(vm.column("orders").kind()).isEqualTo(GridColumn.Kind.TO_MANY);
        assertThat(vm.column("referrerId").foreignKey()).isTrue();
        assertThat(vm.column("referrer").displayField().name()).isEqualTo("name");
        assertThat(GridColumn.displayField(db.model("Order")).name()).isEqualTo("number");
        assertThat(GridColumn.displayField(db.model("Address")).name()).isEqualTo("id");
    }

    @Test
    void pagesWithAnExactCountWithoutLoadingTheTable() {
        ModelGridViewModel vm = grid("Customer");
        assertThat(vm.totalCountProperty().get()).isEqualTo(250);
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.rangeTextProperty().get()).isEqualTo("1–100 of 250");
        assertThat(vm.pageCountProperty().get()).isEqualTo(3);
        assertThat(text(vm, 0, "id")).isEqualTo("1");
        vm.nextPage();
        assertThat(vm.rangeTextProperty().get()).isEqualTo("101–200 of 250");
        assertThat(text(vm, 0, "id")).isEqualTo("101");
        vm.lastPage();
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.rangeTextProperty().get()).isEqualTo("201–250 of 250");
        vm.pageSizeProperty().set(50);
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.pageCountProperty().get()).isEqualTo(5);
        assertThat(vm.rangeTextProperty().get()).isEqualTo("1–50 of 250");
        assertThat(vm.loadInfoProperty().get()).startsWith("loaded in ");
    }

    @Test
    void infiniteScrollLoadsOnlyTheChunksInView() {
        ModelGridViewModel vm = grid("Customer");
        vm.pageSizeProperty().set(50);
        vm.pagingModeProperty().set(ModelGridViewModel.PagingMode.SCROLL);
        assertThat(vm.rows()).hasSize(250);
        assertThat(vm.rows().get(0).isLoaded()).isTrue();
        assertThat(vm.rows().get(120).isLoaded()).isFalse();
        assertThat(text(vm, 120, "name")).isEqualTo("…");
        vm.viewport(110, 140);
        assertThat(vm.rows().get(120).isLoaded()).isTrue();
        assertThat(text(vm, 120, "id")).isEqualTo("121");
        assertThat(vm.rows().get(200).isLoaded()).isFalse();
        assertThat(vm.rangeTextProperty().get()).isEqualTo("111–141 of 250");
    }

    @Test
    void relationCellsShowTheRelatedRecordAndCounts() {
        ModelGridViewModel customers = grid("Customer");
        assertThat(text(customers, 0, "orders")).isEqualTo("2 orders");
        assertThat(text(customers, 1, "orders")).isEqualTo("3 orders");
        assertThat(text(customers, 2, "orders")).isEqualTo("1 order");
        assertThat(text(customers, 0, "referrals")).isEqualTo("5 referrals");
        assertThat(text(customers, 1, "referrer")).isEqualTo("Ada Lovelace");
        assertThat(customers.cell(customers.rows().get(1), customers.column("referrer")).has(CellFlag.LINK)).isTrue();
        assertThat(customers.cell(customers.rows().get(0), customers.column("referrer")).has(CellFlag.NULL)).isTrue();
        assertThat(text(customers, 0, "address")).isEqualTo("Address 1");
        ModelGridViewModel orders = grid("Order");
        assertThat(text(orders, 0, "customer")).isEqualTo("Ada Lovelace");
        assertThat(text(orders, 0, "lines")).isEqualTo("2 lines");
        ModelGridViewModel lines = grid("OrderLine");
        assertThat(text(lines, 0, "order")).isEqualTo("ORD-00001");
        assertThat(text(lines, 0, "product")).isEqualTo("Chess set");
    }

    @Test
    void valuesShowExactlyAndTypedValuesFitTheirType() {
        ModelGridViewModel vm = grid("Customer");
        assertThat(text(vm, 2, "points")).isEqualTo("9007199254740993");
        assertThat(text(vm, 0, "birthday")).isEqualTo("1951-02-02 00:00:00");
        assertThat(vm.cell(vm.rows().get(1), vm.column("birthday")).has(CellFlag.NULL)).isTrue();
        assertThat(text(vm, 0, "avatar")).isEqualTo("0x89504e470d0a1a0a01 (9 bytes)");
        assertThat(text(vm, 0, "createdAt")).isEqualTo("2025-01-02 09:01:00");
        vm.zoneProperty().set(java.time.ZoneId.of("Europe/Amsterdam"));
        assertThat(text(vm, 0, "createdAt")).isEqualTo("2025-01-02 10:01:00");
        ModelGridViewModel products = grid("Product");
        assertThat(text(products, 0, "price")).isEqualTo("3.99");
        assertThat(text(products, 0, "attributes")).isEqualTo("{\"colour\":\"red\",\"weight\":100}");
        assertThat(products.cell(products.rows().get(0), products.column("price")).has(CellFlag.NUMBER)).isTrue();
        ModelGridViewModel places = grid("Place");
        assertThat(places.column("shape").kind()).isEqualTo(GridColumn.Kind.UNSUPPORTED);
    }

    @Test
    void aNewerLoadReplacesAnOlderOneStillRunning() {
        QueuedExecutor executor = new QueuedExecutor();
        ModelGridViewModel vm = new ModelGridViewModel(db.project, db.model("Customer"), executor, navigator, layouts);
        vm.ensureLoaded();
        executor.runAll();
        vm.nextPage();
        vm.nextPage();
        executor.runAll();
        // Each load is its page, then its count: the first load's two, then the second page change's two.
        assertThat(executor.ran).as("the first page change was cancelled").isEqualTo(4);
        assertThat(vm.rangeTextProperty().get()).isEqualTo("201–250 of 250");

        // A save finishing while a new query loads must not show the old query's rows with the new count.
        vm.edit(vm.rows().getFirst(), vm.column("name"), "Renamed");
        vm.save();
        vm.search("Grace");
        executor.runAll();
        assertThat(vm.totalCountProperty().get()).isEqualTo(25);
        assertThat(vm.rows()).hasSize(25);
        assertThat(text(vm, 0, "name")).startsWith("Grace");
    }

    // ---------------------------------------------------------------- sort and filter

    @Test
    void sortsByHeadersIncludingRelationsAndSeveralKeys() {
        ModelGridViewModel vm = grid("Customer");
        vm.toggleSort("name", false);
        assertThat(vm.sortOrder()).containsExactly(new SortKey("name", false));
        assertThat(text(vm, 0, "name")).isEqualTo("Ada Dijkstra");
        vm.toggleSort("id", true);
        vm.toggleSort("id", true);
        assertThat(vm.sortOrder()).containsExactly(new SortKey("name", false), new SortKey("id", true));
        assertThat(text(vm, 0, "name")).isEqualTo("Ada Dijkstra");
        assertThat(text(vm, 0, "id")).isEqualTo("231");
        vm.toggleSort("name", false);
        assertThat(vm.sortOrder()).containsExactly(new SortKey("name", true));
        assertThat(text(vm, 0, "name")).isEqualTo("Radia Turing");
        vm.setSortOrder(List.of(new SortKey("orders", true)));
        assertThat(text(vm, 0, "orders")).isEqualTo("3 orders");
        ModelGridViewModel orders = grid("Order");
        orders.setSortOrder(List.of(new SortKey("customer", true)));
        assertThat(text(orders, 0, "customer")).isEqualTo("Radia Turing");
    }

    @Test
    void filtersBuildPrismaWhereAndRefuseValuesThatDoNotFit() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        vm.filter().addCondition("name", FilterOperator.STARTS_WITH, "Ada");
        vm.filter().addCondition("role", FilterOperator.IN, "CUSTOMER, STAFF");
        vm.applyFilter();
        assertThat(JsonCodec.write(vm.where())).isEqualTo(
                "{\"AND\":[{\"name\":{\"startsWith\":\"Ada\"}},{\"role\":{\"in\":[\"CUSTOMER\",\"STAFF\"]}}]}");
        assertThat(vm.totalCountProperty().get()).isEqualTo(25);
        assertThat(vm.filterTextProperty().get()).isEqualTo("(name starts with \"Ada\" and role in [\"CUSTOMER\", \"STAFF\"])");

        vm.clearFilter();
        FilterGroup any = vm.filter().addGroup();
        any.addCondition("points", FilterOperator.GT, "31000");
        any.addCondition("email", FilterOperator.ENDS_WITH, "1@example.com");
        vm.applyFilter();
        assertThat(vm.where().has("OR")).isTrue();
        assertThat(vm.totalCountProperty().get()).isEqualTo(3 + 25);

        vm.clearFilter();
        FilterCondition orders = vm.filter().addCondition("orders", FilterOperator.SOME, "");
        orders.nestedProperty().get().addCondition("status", FilterOperator.EQUALS, "cancelled");
        vm.applyFilter();
        assertThat(JsonCodec.write(vm.where())).isEqualTo("{\"orders\":{\"some\":{\"status\":{\"equals\":\"CANCELLED\"}}}}");
        assertThat(vm.totalCountProperty().get()).isEqualTo(db.query("SELECT COUNT(DISTINCT customerId) FROM \"Order\" WHERE status = 'CANCELLED'") instanceof Number n ? n.longValue() : -1);

        FilterCondition bad = vm.filter().addCondition("points", FilterOperator.LT, "lots");
        long before = vm.totalCountProperty().get();
        vm.applyFilter();
        assertThat(bad.errorProperty().get()).isEqualTo("'lots' is not a whole number");
        assertThat(vm.filterErrorProperty().get()).isEqualTo("points: 'lots' is not a whole number");
        assertThat(vm.totalCountProperty().get()).isEqualTo(before);

        vm.clearFilter();
        vm.filter().addCondition("birthday", FilterOperator.IS_NULL, "");
        vm.applyFilter();
        assertThat(vm.totalCountProperty().get()).isEqualTo(125);
    }

    @Test
    void quickSearchLooksThroughTextNumberAndEnumColumns() {
        ModelGridViewModel vm = grid("Customer");
        vm.search("grace");
        assertThat(vm.totalCountProperty().get()).as("SQLite's LIKE ignores ASCII case").isEqualTo(25);
        vm.search("Grace");
        assertThat(vm.totalCountProperty().get()).isEqualTo(25);
        vm.search("77");
        assertThat(vm.rows()).extracting(r -> r.record().get("id").asInt()).contains(77);
        vm.search("admin");
        assertThat(vm.totalCountProperty().get()).isEqualTo(50);
        vm.search("");
        assertThat(vm.totalCountProperty().get()).isEqualTo(250);
    }

    @Test
    void opensFilteredAsTheShellAsks() {
        ModelGridViewModel vm = new ModelGridViewModel(db.project, db.model("Order"), new DirectTaskExecutor(), navigator, layouts);
        vm.setInitialWhere("{\"customerId\": 2}");
        vm.ensureLoaded();
        assertThat(vm.totalCountProperty().get()).isEqualTo(3);
        assertThat(vm.baseWhereTextProperty().get()).isEqualTo("customerId = 2");
        vm.clearInitialWhere();
        assertThat(vm.totalCountProperty().get()).isGreaterThan(3);
        vm.setInitialWhere("customerId = 2");
        assertThat(vm.totalCountProperty().get()).as("a broken filter shows nothing, not everything").isZero();
        assertThat(vm.messageProperty().get().text()).isEqualTo("The filter this grid was opened with is not a JSON object: customerId = 2");
        vm.setInitialWhere("{\"nmber\": \"ORD-00001\"}");
        assertThat(vm.messageProperty().get().text()).startsWith("Could not load Order: where.nmber: Unknown argument `nmber`. Did you mean `number`?");
    }

    // ---------------------------------------------------------------- editing

    @Test
    void editsStayPendingUntilSavedInOneTransaction() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        GridRow ada = vm.rows().get(0);
        assertThat(vm.edit(ada, vm.column("name"), "Ada King").ok()).isTrue();
        assertThat(vm.edit(ada, vm.column("points"), "9223372036854775807").ok()).isTrue();
        assertThat(vm.edit(vm.rows().get(1), vm.column("birthday"), "1990-05-17 23:30").ok()).isTrue();
        assertThat(vm.pendingCountProperty().get()).isEqualTo(3);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.cell(ada, vm.column("name")).has(CellFlag.PENDING)).isTrue();
        assertThat(vm.cell(ada, vm.column("name")).tooltip()).isEqualTo("Changed; was Ada Lovelace");
        assertThat(vm.rowState(ada)).isEqualTo(RowState.CHANGED);
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 1")).isEqualTo("Ada Lovelace");

        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 3 changes");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 1")).isEqualTo("Ada King");
        assertThat(db.query("SELECT points FROM \"Customer\" WHERE id = 1")).isEqualTo(9223372036854775807L);
        assertThat(db.query("SELECT birthday FROM \"Customer\" WHERE id = 2")).isEqualTo("1990-05-17T23:30:00.000Z");
        assertThat(text(vm, 0, "name")).isEqualTo("Ada King");
        assertThat(vm.rowState(vm.rows().get(0))).isEqualTo(RowState.CLEAN);
    }

    @Test
    void valuesThatDoNotFitAreRefusedWithTheReason() {
        ModelGridViewModel vm = grid("Customer");
        GridRow row = vm.rows().get(0);
        assertThat(vm.edit(row, vm.column("points"), "12.5").reason()).isEqualTo("'12.5' is not a whole number");
        assertThat(vm.edit(row, vm.column("points"), "9223372036854775808").reason()).isEqualTo("9223372036854775808 is out of range for BigInt (64-bit)");
        assertThat(vm.edit(row, vm.column("role"), "BOSS").reason()).isEqualTo("'BOSS' is not a Role: expected one of CUSTOMER, STAFF, ADMIN");
        assertThat(vm.edit(row, vm.column("birthday"), "next tuesday").reason())
                .isEqualTo("'next tuesday' is not a date-time; type it as 2024-03-05 14:22:01 (UTC)");
        assertThat(vm.setNull(row, vm.column("name")).reason()).isEqualTo("name is required: it cannot be NULL");
        assertThat(vm.edit(row, vm.column("id"), "5").reason()).isEqualTo("id is generated by the database");
        assertThat(vm.edit(row, vm.column("orders"), "5").ok()).isFalse();
        assertThat(vm.edit(row, vm.column("avatar"), "0xABC").reason()).isEqualTo("hex needs two digits per byte");
        assertThat(vm.pendingCountProperty().get()).isZero();
        assertThat(vm.edit(row, vm.column("role"), "staff").ok()).isTrue();
        assertThat(vm.editValue(row, vm.column("role")).asText()).isEqualTo("STAFF");
        ModelGridViewModel products = grid("Product");
        assertThat(products.edit(products.rows().get(0), products.column("attributes"), "{\"a\": ").ok()).isFalse();
        assertThat(products.edit(products.rows().get(0), products.column("stock"), "2147483648").reason())
                .isEqualTo("2147483648 is out of range for Int (-2147483648 to 2147483647)");
        ModelGridViewModel places = grid("Place");
        assertThat(places.whyReadOnly(places.rows().getFirst(), places.column("shape"))).contains("Unsupported");
    }

    @Test
    void nullIsNotAnEmptyString() throws Exception {
        ModelGridViewModel vm = grid("Product");
        GridRow p1 = vm.rows().get(0);
        GridRow p2 = vm.rows().get(1);
        vm.edit(p1, vm.column("description"), "");
        vm.setNull(p2, vm.column("description"));
        assertThat(vm.cell(p1, vm.column("description")).has(CellFlag.EMPTY)).isTrue();
        assertThat(vm.cell(p2, vm.column("description")).has(CellFlag.NULL)).isTrue();
        vm.save();
        assertThat(db.query("SELECT description FROM \"Product\" WHERE id = 1")).isEqualTo("");
        assertThat(db.query("SELECT description IS NULL FROM \"Product\" WHERE id = 2")).isEqualTo(1);
    }

    @Test
    void decimalsAndJsonAreStoredAsTyped() throws Exception {
        ModelGridViewModel vm = grid("Product");
        GridRow p = vm.rows().get(0);
        assertThat(vm.edit(p, vm.column("price"), "83261.85").ok()).isTrue();
        assertThat(vm.edit(p, vm.column("attributes"), "{\"size\": [1, 2.50], \"note\": \"x\"}").ok()).isTrue();
        vm.save();
        assertThat(vm.messageProperty().get().severity()).isEqualTo(Severity.SUCCESS);
        assertThat(text(vm, 0, "price")).isEqualTo("83261.85");
        assertThat(text(vm, 0, "attributes")).isEqualTo("{\"size\":[1,2.5],\"note\":\"x\"}");
    }

    @Test
    void discardAndRevertDropPendingChanges() {
        ModelGridViewModel vm = grid("Customer");
        vm.edit(vm.rows().get(0), vm.column("name"), "A");
        vm.edit(vm.rows().get(1), vm.column("name"), "B");
        vm.addRecord();
        assertThat(vm.pendingCountProperty().get()).isEqualTo(3);
        vm.revertRow(vm.rows().get(1));
        assertThat(vm.pendingCountProperty().get()).isEqualTo(2);
        assertThat(text(vm, 1, "name")).isEqualTo("Ada Lovelace");
        vm.discard();
        assertThat(vm.pendingCountProperty().get()).isZero();
        assertThat(vm.rows()).hasSize(100);
        assertThat(text(vm, 0, "name")).isEqualTo("Ada Lovelace");
        vm.edit(vm.rows().get(0), vm.column("name"), "Ada Lovelace");
        assertThat(vm.dirtyProperty().get()).as("typing the loaded value back is no change").isFalse();
    }

    @Test
    void addsARecordWithTheSchemaDefaultsShown() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        GridRow draft = vm.addRecord();
        assertThat(vm.rows().getFirst()).isSameAs(draft);
        assertThat(vm.rows()).hasSize(101);
        assertThat(vm.cell(draft, vm.column("id")).text()).isEqualTo("auto");
        assertThat(vm.cell(draft, vm.column("role")).text()).isEqualTo("CUSTOMER");
        assertThat(vm.cell(draft, vm.column("role")).has(CellFlag.DEFAULT)).isTrue();
        assertThat(vm.cell(draft, vm.column("createdAt")).text()).isEqualTo("now()");
        assertThat(vm.cell(draft, vm.column("email")).has(CellFlag.REQUIRED)).isTrue();
        assertThat(vm.cell(draft, vm.column("birthday")).has(CellFlag.NULL)).isTrue();
        assertThat(vm.rangeTextProperty().get()).isEqualTo("1–100 of 250 · 1 new");

        vm.edit(draft, vm.column("email"), "new@example.com");
        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Nothing was saved: new record 1 needs name");
        assertThat(vm.rowState(draft)).isEqualTo(RowState.ERROR);
        vm.edit(draft, vm.column("name"), "Newcomer");
        vm.edit(draft, vm.column("referrerId"), "3");
        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(vm.totalCountProperty().get()).isEqualTo(251);
        assertThat(db.query("SELECT role || ' ' || points || ' ' || referrerId FROM \"Customer\" WHERE email = 'new@example.com'"))
                .isEqualTo("CUSTOMER 0 3");
        // The saved record is no longer at the top: the grid goes to its page (the last, 51 rows) and shows it there.
        assertThat(vm.pageIndexProperty().get()).isEqualTo(2);
        assertThat(vm.rows()).hasSize(51);
        assertThat(vm.revealList()).hasSize(1);
        assertThat(vm.rowIndexOf(vm.revealList().getFirst())).isEqualTo(50);
    }

    @Test
    void duplicatesARecordWithoutItsGeneratedValues() throws Exception {
        ModelGridViewModel vm = grid("Product");
        GridRow copy = vm.duplicate(vm.rows().get(0));
        assertThat(vm.cell(copy, vm.column("id")).text()).isEqualTo("auto");
        assertThat(vm.cell(copy, vm.column("sku")).text()).isEqualTo("cuid()");
        assertThat(vm.cell(copy, vm.column("name")).text()).isEqualTo("Teapot");
        assertThat(vm.cell(copy, vm.column("price")).text()).isEqualTo("3.99");
        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(db.query("SELECT COUNT(*) FROM \"Product\" WHERE name = 'Teapot'")).isEqualTo(2);
        assertThat((String) db.query("SELECT sku FROM \"Product\" WHERE id = 21")).startsWith("c");
    }

    @Test
    void aFailedSaveNamesTheRecordAndKeepsEverything() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        vm.edit(vm.rows().get(0), vm.column("name"), "Ada K.");
        vm.edit(vm.rows().get(1), vm.column("email"), vm.rows().get(2).record().get("email").asText());
        vm.save();
        assertThat(vm.messageProperty().get().text())
                .isEqualTo("Nothing was saved: Customer 2: another Customer already has this value in a unique field (email). Your changes are kept.");
        assertThat(vm.rowState(vm.rows().get(1))).isEqualTo(RowState.ERROR);
        assertThat(vm.pendingCountProperty().get()).isEqualTo(2);
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 1")).isEqualTo("Ada Lovelace");
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deleteShowsWhatCascadesAndWhatBlocksIt() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        vm.requestDelete(List.of(vm.rows().get(0)));
        DeletePreview blocked = vm.deletePreviewProperty().get();
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.blockers()).containsExactly(
                "2 Order records still refer to it: " + blocked.blockers().getFirst().substring(blocked.blockers().getFirst().indexOf(": ") + 2));
        vm.confirmDelete();
        assertThat(vm.pendingCountProperty().get()).as("a blocked delete cannot be confirmed").isZero();
        vm.cancelDelete();

        ModelGridViewModel customers = grid("Customer");
        customers.search("ken.lovelace10@");
        GridRow ken = customers.rows().getFirst();
        db.sql("DELETE FROM \"Order\" WHERE customerId = 10");
        customers.requestDelete(List.of(ken));
        DeletePreview p = customers.deletePreviewProperty().get();
        assertThat(p.blocked()).isFalse();
        assertThat(p.effects()).isEmpty();

        ModelGridViewModel c2 = grid("Customer");
        c2.search("grace.lovelace2@");
        db.sql("DELETE FROM \"Order\" WHERE customerId = 2");
        c2.requestDelete(List.of(c2.rows().getFirst()));
        assertThat(c2.deletePreviewProperty().get().effects()).isEmpty();

        ModelGridViewModel c3 = grid("Customer");
        c3.search("alan.lovelace3@");
        db.sql("DELETE FROM \"Order\" WHERE customerId = 3");
        c3.requestDelete(List.of(c3.rows().getFirst()));
        DeletePreview p3 = c3.deletePreviewProperty().get();
        assertThat(p3.effects()).containsExactly("delete 1 Address (cascade through customer)", "delete 1 Review (cascade through customer)");
        c3.confirmDelete();
        assertThat(c3.rowState(c3.rows().getFirst())).isEqualTo(RowState.DELETED);
        assertThat(c3.cell(c3.rows().getFirst(), c3.column("name")).has(CellFlag.DELETED)).isTrue();
        assertThat(c3.pendingCountProperty().get()).isEqualTo(1);
        c3.save();
        assertThat(c3.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(db.query("SELECT COUNT(*) FROM \"Customer\" WHERE id = 3")).isEqualTo(0);
        assertThat(db.query("SELECT COUNT(*) FROM \"Address\" WHERE customerId = 3")).isEqualTo(0);
        assertThat(c3.totalCountProperty().get()).isZero();
    }

    @Test
    void deletingTheReferredSetsReferencesToNull() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        vm.search("ada.lovelace1@");
        GridRow ada = vm.rows().getFirst();
        ModelGridViewModel orders = grid("Order");
        orders.filter().addCondition("customerId", FilterOperator.EQUALS, "1");
        orders.applyFilter();
        orders.requestDelete(List.copyOf(orders.rows()));
        assertThat(orders.deletePreviewProperty().get().effects()).containsExactly("delete 4 OrderLine records (cascade through order)");
        orders.confirmDelete();
        orders.save();
        vm.requestDelete(List.of(ada));
        assertThat(vm.deletePreviewProperty().get().effects()).contains("set referrer to NULL on 5 Customer records");
    }

    // ---------------------------------------------------------------- relations

    @Test
    void followsRelationsThroughTheNavigator() {
        ModelGridViewModel orders = grid("Order");
        GridRow first = orders.rows().getFirst();
        assertThat(orders.follow(first, orders.column("customer"), false)).isTrue();
        assertThat(navigator.last().model().name()).isEqualTo("Customer");
        assertThat(navigator.last().where()).isEqualTo("{\"id\":1}");
        assertThat(navigator.last().newTab()).isFalse();
        orders.follow(first, orders.column("lines"), true);
        assertThat(navigator.last().where()).isEqualTo("{\"orderId\":1}");
        assertThat(navigator.last().newTab()).isTrue();

        ModelGridViewModel customers = grid("Customer");
        customers.follow(customers.rows().getFirst(), customers.column("address"), false);
        assertThat(navigator.last().model().name()).isEqualTo("Address");
        assertThat(navigator.last().where()).isEqualTo("{\"customerId\":1}");
        customers.follow(customers.rows().getFirst(), customers.column("referrals"), false);
        assertThat(navigator.last().where()).isEqualTo("{\"referrerId\":1}");
        assertThat(customers.follow(customers.rows().getFirst(), customers.column("referrer"), false)).isFalse();
        customers.follow(customers.rows().get(1), customers.column("referrer"), false);
        assertThat(navigator.last().where()).isEqualTo("{\"id\":1}");

        ModelGridViewModel products = grid("Product");
        products.follow(products.rows().getFirst(), products.column("categories"), false);
        assertThat(navigator.last().model().name()).isEqualTo("Category");
        assertThat(navigator.last().where()).isEqualTo("{\"products\":{\"some\":{\"id\":1}}}");

        // The shell opens the target filtered; the grid counts what the relation cell said.
        ModelGridViewModel target = new ModelGridViewModel(db.project, db.model("Category"), new DirectTaskExecutor(), navigator, layouts);
        target.setInitialWhere(navigator.last().where());
        target.ensureLoaded();
        assertThat(target.totalCountProperty().get()).isEqualTo(1);
        assertThat(text(products, 0, "categories")).isEqualTo("1 category");

        orders.back();
        orders.forward();
        assertThat(navigator.backs).isEqualTo(1);
        assertThat(navigator.forwards).isEqualTo(1);
    }

    // ---------------------------------------------------------------- concurrency and failures

    @Test
    void aConcurrentChangeBecomesAConflictAndTheUserChooses() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        vm.edit(vm.rows().get(0), vm.column("name"), "Mine");
        vm.edit(vm.rows().get(1), vm.column("name"), "Also mine");
        vm.edit(vm.rows().get(2), vm.column("email"), "mine@example.com");
        db.sql("UPDATE \"Customer\" SET name = 'Theirs' WHERE id = 1");
        db.sql("UPDATE \"Customer\" SET name = 'Theirs too' WHERE id = 2");
        db.sql("UPDATE \"Customer\" SET role = 'ADMIN' WHERE id = 3");

        vm.save();
        assertThat(vm.conflicts()).hasSize(2);
        assertThat(vm.messageProperty().get().text()).startsWith("Nothing was saved: 2 records were changed by someone else");
        assertThat(db.query("SELECT email FROM \"Customer\" WHERE id = 3")).as("nothing half-applied").isNotEqualTo("mine@example.com");
        assertThat(vm.rowState(vm.rows().get(0))).isEqualTo(RowState.CONFLICT);
        Conflict first = vm.conflict(vm.rows().get(0));
        assertThat(vm.describe(first)).isEqualTo("Customer 1 changed since you loaded it (name: yours Mine, theirs Theirs)");
        assertThat(vm.cell(vm.rows().get(0), vm.column("name")).tooltip()).isEqualTo("Changed; was Ada Lovelace; now Theirs in the database");

        vm.save();
        assertThat(vm.messageProperty().get().text()).startsWith("Choose for each conflict first");

        vm.keepMine(first);
        vm.takeTheirs(vm.conflict(vm.rows().get(1)));
        assertThat(text(vm, 1, "name")).isEqualTo("Theirs too");
        assertThat(vm.pendingCountProperty().get()).isEqualTo(2);
        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 1")).isEqualTo("Mine");
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 2")).isEqualTo("Theirs too");
        assertThat(db.query("SELECT email || ' ' || role FROM \"Customer\" WHERE id = 3")).as("a change to another field is no conflict")
                .isEqualTo("mine@example.com ADMIN");
    }

    @Test
    void aRecordDeletedMeanwhileCanOnlyBeLetGo() throws Exception {
        ModelGridViewModel vm = grid("Review");
        vm.edit(vm.rows().get(0), vm.column("title"), "Mine");
        db.sql("DELETE FROM \"Review\" WHERE id = 1");
        vm.save();
        Conflict c = vm.conflicts().getFirst();
        assertThat(c.deleted()).isTrue();
        vm.keepMine(c);
        assertThat(vm.conflicts()).hasSize(1);
        vm.takeTheirs(c);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.totalCountProperty().get()).isEqualTo(12);
    }

    @Test
    void aLostDatabaseKeepsEveryEditAndSavingWorksOnceItIsBack() throws Exception {
        ModelGridViewModel vm = grid("Customer");
        vm.edit(vm.rows().get(0), vm.column("name"), "Kept");
        db.dataSource.down = true;

        vm.reload();
        assertThat(vm.connectionLostProperty().get()).isTrue();
        assertThat(vm.messageProperty().get().text()).startsWith("The database cannot be reached (Can't reach database server:")
                .endsWith("Your 1 change is kept; save again once it is back.");
        assertThat(text(vm, 0, "name")).as("what was loaded stays on screen").isEqualTo("Kept");
        assertThat(vm.edit(vm.rows().get(1), vm.column("name"), "Also kept").ok()).isTrue();

        vm.save();
        assertThat(vm.connectionLostProperty().get()).isTrue();
        assertThat(vm.pendingCountProperty().get()).isEqualTo(2);
        assertThat(vm.savingProperty().get()).isFalse();

        db.dataSource.down = false;
        vm.save();
        assertThat(vm.connectionLostProperty().get()).isFalse();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 2")).isEqualTo("Also kept");
    }

    // ---------------------------------------------------------------- columns

    @Test
    void columnLayoutIsRememberedPerModel() {
        ModelGridViewModel vm = grid("Customer");
        vm.setColumnVisible("avatar", false);
        vm.setColumnOrder(List.of("name", "email", "id"));
        vm.setColumnWidth("name", 220);
        vm.pageSizeProperty().set(500);
        ModelGridViewModel again = grid("Customer");
        assertThat(again.layoutProperty().get().hidden()).containsExactly("avatar");
        assertThat(again.orderedColumns()).extracting(GridColumn::name).startsWith("name", "email", "id", "role");
        assertThat(again.layoutProperty().get().widths()).containsEntry("name", 220.0);
        assertThat(again.pageSizeProperty().get()).isEqualTo(500);
        assertThat(grid("Order").layoutProperty().get().hidden()).isEmpty();
        GridLayout json = GridLayout.fromJson(again.layoutProperty().get().toJson());
        assertThat(json).isEqualTo(again.layoutProperty().get());
    }

    @Test
    void jsonValuesInCellsAndEditorsAreExact() {
        ModelGridViewModel vm = grid("Product");
        JsonNode v = vm.editValue(vm.rows().getFirst(), vm.column("attributes"));
        assertThat(vm.editText(vm.rows().getFirst(), vm.column("attributes"))).isEqualTo(CellValues.pretty(v));
        assertThat(vm.editText(vm.rows().getFirst(), vm.column("price"))).isEqualTo("3.99");
    }
}
