package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grid's open, edit-and-save, follow-relation and conflict flows on PostgreSQL, MariaDB and SQLite
 * (embedded servers unless {@code FACET_TEST_POSTGRES_URL} / {@code FACET_TEST_MYSQL_URL} name real ones).
 */
class GridOnDatabasesTest {
    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @BeforeAll
    static void locale() { Locale.setDefault(Locale.US); }

    /** A fresh database of this kind per test, pushed and seeded through the engine (so every database gets the same data). */
    static Project project(DbKind kind) {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", GridFixture.schema(kind.provider().id()))).schema().orElseThrow();
        SqlDatabase database = DBS.fresh(kind).open();
        SchemaPusher.push(schema, database);
        QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), null, null));
        seed(engine);
        return new Project(Path.of("schema.prisma"), schema, engine, kind.name());
    }

    static JsonNode run(QueryEngine e, String model, String action, String args) { return e.execute(model, action, JsonCodec.parse(args)); }

    static void seed(QueryEngine e) {
        run(e, "Category", "createMany", "{\"data\": [{\"name\": \"Books\"}, {\"name\": \"Games\"}]}");
        run(e, "Product", "create", """
                {"data": {"sku": "SKU-1", "name": "Teapot", "price": "19.99", "attributes": {"colour": "red"},
                  "categories": {"connect": [{"name": "Books"}, {"name": "Games"}]}}}""");
        run(e, "Product", "create", "{\"data\": {\"sku\": \"SKU-2\", \"name\": \"Kite\", \"price\": \"5.00\"}}");
        for (int i = 1; i <= 12; i++) {
            String first = GridFixture.FIRST_NAMES[(i - 1) % 10];
            run(e, "Customer", "create", String.format("""
                    {"data": {"email": "c%d@example.com", "name": "%s Lovelace", "points": "%s",
                      "orders": {"create": [%s]}}}""", i, first, i == 3 ? "9007199254740993" : Integer.toString(i * 10),
                    i <= 3 ? "{\"number\": \"ORD-" + i + "\", \"lines\": {\"create\": {\"quantity\": 2, \"unitPrice\": \"19.99\", "
                            + "\"product\": {\"connect\": {\"sku\": \"SKU-1\"}}}}}" : ""));
        }
    }

    ModelGridViewModel grid(Project p, String model) {
        ModelGridViewModel vm = new ModelGridViewModel(p, p.schema().model(model), new DirectTaskExecutor(), null, GridLayout.Store.inMemory());
        vm.ensureLoaded();
        return vm;
    }

    static String text(ModelGridViewModel vm, int row, String column) { return vm.cell(vm.rows().get(row), vm.column(column)).text(); }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void opensEditsSavesAndFollowsRelations(DbKind kind) {
        Project p = project(kind);
        ModelGridViewModel customers = grid(p, "Customer");
        assertThat(customers.rangeTextProperty().get()).isEqualTo("1–12 of 12");
        assertThat(text(customers, 0, "orders")).isEqualTo("1 order");
        assertThat(text(customers, 2, "points")).isEqualTo("9007199254740993");

        customers.edit(customers.rows().get(0), customers.column("name"), "Ada King");
        customers.edit(customers.rows().get(0), customers.column("birthday"), "1815-12-10 08:30:00.125");
        customers.edit(customers.rows().get(2), customers.column("points"), "9223372036854775807");
        ModelGridViewModel products = grid(p, "Product");
        products.edit(products.rows().get(0), products.column("price"), "83261.85");
        products.edit(products.rows().get(0), products.column("attributes"), "{\"colour\": \"green\", \"sizes\": [1, 2]}");
        customers.save();
        products.save();
        assertThat(customers.messageProperty().get().text()).isEqualTo("Saved 3 changes");
        assertThat(products.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        ModelGridViewModel again = grid(p, "Customer");
        assertThat(text(again, 0, "name")).isEqualTo("Ada King");
        assertThat(text(again, 0, "birthday")).isEqualTo("1815-12-10 08:30:00.125");
        assertThat(text(again, 2, "points")).isEqualTo("9223372036854775807");
        ModelGridViewModel productsAgain = grid(p, "Product");
        assertThat(text(productsAgain, 0, "price")).isEqualTo("83261.85");
        assertThat(productsAgain.editValue(productsAgain.rows().getFirst(), productsAgain.column("attributes")))
                .isEqualTo(JsonCodec.parse("{\"colour\": \"green\", \"sizes\": [1, 2]}"));

        RecordingOpen opened = new RecordingOpen();
        ModelGridViewModel orders = new ModelGridViewModel(p, p.schema().model("Order"), new DirectTaskExecutor(), opened, GridLayout.Store.inMemory());
        orders.ensureLoaded();
        assertThat(text(orders, 0, "customer")).isEqualTo("Ada King");
        orders.follow(orders.rows().getFirst(), orders.column("customer"), false);
        assertThat(count(p, opened)).isEqualTo(1);
        ModelGridViewModel productsNav = new ModelGridViewModel(p, p.schema().model("Product"), new DirectTaskExecutor(), opened,
                GridLayout.Store.inMemory());
        productsNav.ensureLoaded();
        assertThat(text(productsNav, 0, "categories")).isEqualTo("2 categories");
        productsNav.follow(productsNav.rows().getFirst(), productsNav.column("categories"), true);
        assertThat(opened.where).isEqualTo("{\"products\":{\"some\":{\"id\":1}}}");
        assertThat(count(p, opened)).isEqualTo(2);
        p.close();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void detectsConcurrentChangesAndSearchesAsTheDatabaseCan(DbKind kind) {
        Project p = project(kind);
        ModelGridViewModel vm = grid(p, "Customer");
        vm.edit(vm.rows().get(1), vm.column("name"), "Mine");
        run(p.engine(), "Customer", "update", "{\"where\": {\"id\": 2}, \"data\": {\"name\": \"Theirs\"}}");
        vm.save();
        assertThat(vm.conflicts()).hasSize(1);
        vm.keepMine(vm.conflicts().getFirst());
        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 1 change");

        // PostgreSQL matches case only when told (mode: insensitive); MariaDB's collation and SQLite's LIKE ignore ASCII case anyway.
        vm.search("grace");
        assertThat(vm.totalCountProperty().get()).isEqualTo(1);
        assertThat(vm.insensitiveSupported()).isEqualTo(kind == DbKind.POSTGRES);
        vm.search("");
        vm.filter().addCondition("email", FilterOperator.ENDS_WITH, "2@EXAMPLE.COM");
        vm.applyFilter();
        assertThat(vm.totalCountProperty().get()).isEqualTo(2);
        p.close();
    }

    /** Links and unlinks as the relation picker makes them, saved as nested connect/disconnect on each database. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void linksAndUnlinksThroughTheRelationPicker(DbKind kind) {
        Project p = project(kind);
        ModelGridViewModel products = grid(p, "Product");
        RelationPickerViewModel teapot = picker(products, 0, "categories");
        teapot.toggle(choice(teapot, "Games"));
        teapot.apply();
        RelationPickerViewModel kite = picker(products, 1, "categories");
        kite.toggle(choice(kite, "Books"));
        kite.toggle(choice(kite, "Games"));
        kite.apply();
        products.save();
        assertThat(products.messageProperty().get().text()).isEqualTo("Saved 3 changes");
        assertThat(run(p.engine(), "Category", "findMany", "{\"select\": {\"name\": true, \"products\": {\"select\": {\"name\": true},"
                + " \"orderBy\": {\"id\": \"asc\"}}}, \"orderBy\": {\"id\": \"asc\"}}").toString())
                .isEqualTo("[{\"name\":\"Books\",\"products\":[{\"name\":\"Teapot\"},{\"name\":\"Kite\"}]},"
                        + "{\"name\":\"Games\",\"products\":[{\"name\":\"Kite\"}]}]");

        ModelGridViewModel orders = grid(p, "Order");
        RelationPickerViewModel customer = picker(orders, 0, "customer");
        customer.choose(choice(customer, "Grace Lovelace"));
        ModelGridViewModel customers = grid(p, "Customer");
        RelationPickerViewModel referrer = picker(customers, 0, "referrer");
        referrer.choose(choice(referrer, "Alan Lovelace"));
        RelationPickerViewModel ordersOf4 = picker(customers, 3, "orders");
        ordersOf4.toggle(choice(ordersOf4, "ORD-3"));
        ordersOf4.apply();
        orders.save();
        customers.save();
        assertThat(customers.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        assertThat(run(p.engine(), "Order", "findMany", "{\"select\": {\"number\": true, \"customerId\": true}, \"orderBy\": {\"id\": \"asc\"}}")
                .toString()).isEqualTo("[{\"number\":\"ORD-1\",\"customerId\":2},{\"number\":\"ORD-2\",\"customerId\":2},"
                        + "{\"number\":\"ORD-3\",\"customerId\":4}]");
        assertThat(run(p.engine(), "Customer", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"referrerId\": true}}").toString())
                .isEqualTo("{\"referrerId\":3}");

        RelationPickerViewModel unlink = picker(customers, 0, "referrer");
        assertThat(unlink.unlink().ok()).isTrue();
        customers.save();
        assertThat(run(p.engine(), "Customer", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"referrerId\": true}}").toString())
                .isEqualTo("{\"referrerId\":null}");
        p.close();
    }

    static RelationPickerViewModel picker(ModelGridViewModel vm, int row, String column) {
        RelationPickerViewModel picker = vm.picker(vm.rows().get(row), vm.column(column));
        picker.load();
        return picker;
    }

    static RelationPickerViewModel.Choice choice(RelationPickerViewModel picker, String label) {
        picker.search(label);
        return picker.choices().stream().filter(c -> c.target().label().equals(label)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = "POSTGRES")
    void editsAndFiltersScalarLists(DbKind kind) {
        Project p = project(kind);
        run(p.engine(), "Tagged", "createMany", "{\"data\": [{\"tags\": [\"red\", \"round\"], \"sizes\": [1, 2]}, {\"tags\": []}]}");
        ModelGridViewModel vm = grid(p, "Tagged");
        assertThat(text(vm, 0, "tags")).isEqualTo("[\"red\",\"round\"]");
        assertThat(text(vm, 1, "sizes")).isEqualTo("[]");
        assertThat(vm.edit(vm.rows().get(0), vm.column("sizes"), "[1, 2.5]").reason()).isEqualTo("item 2: '2.5' is not a whole number");
        vm.edit(vm.rows().get(0), vm.column("tags"), "[\"blue\", \"round\"]");
        vm.edit(vm.rows().get(1), vm.column("sizes"), "[40, 42]");
        vm.save();
        assertThat(vm.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        assertThat(text(vm, 0, "tags")).isEqualTo("[\"blue\",\"round\"]");
        vm.filter().addCondition("sizes", FilterOperator.HAS, "42");
        vm.applyFilter();
        assertThat(vm.totalCountProperty().get()).isEqualTo(1);

        // The update's guard compares the whole list as loaded: a list changed meanwhile is a conflict.
        vm.clearFilter();
        vm.edit(vm.rows().get(0), vm.column("tags"), "[\"mine\"]");
        run(p.engine(), "Tagged", "update", "{\"where\": {\"id\": 1}, \"data\": {\"tags\": {\"push\": \"theirs\"}}}");
        vm.save();
        assertThat(vm.conflicts()).hasSize(1);
        p.close();
    }

    /** Opens the target grid as the shell would and counts its rows. */
    private static long count(Project p, RecordingOpen opened) {
        ModelGridViewModel target = new ModelGridViewModel(p, opened.model, new DirectTaskExecutor(), null, GridLayout.Store.inMemory());
        target.setInitialWhere(opened.where);
        target.ensureLoaded();
        return target.totalCountProperty().get();
    }

    private static final class RecordingOpen implements Navigator {
        dev.facet.schema.model.Model model;
        String where;

        @Override public void openModel(dev.facet.schema.model.Model m, String whereJson, boolean newTab) {
            model = m;
            where = whereJson;
        }

        @Override public void back() { }

        @Override public void forward() { }
    }
}
