package dev.facet.ui.grid;

import static dev.facet.ui.grid.MongoGridFixture.ADA;
import static dev.facet.ui.grid.MongoGridFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grid's view model on a MongoDB schema (issue 13): what works on SQL works on documents. */
class MongoGridViewModelTest {
    Project p;

    @BeforeAll
    static void locale() { Locale.setDefault(Locale.US); }

    @AfterEach
    void drop() { if (p != null) MongoGridFixture.drop(p); }

    final List<String> opened = new java.util.ArrayList<>();

    final Navigator navigator = new Navigator() {
        @Override public void openModel(dev.facet.schema.model.Model m, String whereJson, boolean newTab) { opened.add(m.name() + " " + whereJson); }

        @Override public void back() { }

        @Override public void forward() { }
    };

    ModelGridViewModel grid(String model) {
        ModelGridViewModel vm = new ModelGridViewModel(p, p.schema().model(model), new DirectTaskExecutor(), navigator, GridLayout.Store.inMemory());
        vm.ensureLoaded();
        return vm;
    }

    static String text(ModelGridViewModel vm, int row, String column) { return vm.cell(vm.rows().get(row), vm.column(column)).text(); }

    @Test
    void objectIdsAreMadeAsDriversMakeThem() {
        String a = ObjectIds.generate();
        String b = ObjectIds.generate();
        assertThat(a).matches("[0-9a-f]{24}").isNotEqualTo(b);
        // The first four bytes are the time in seconds.
        assertThat(Long.parseLong(a.substring(0, 8), 16)).isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(ObjectIds.shortForm(a)).hasSize(11);
        assertThat(ObjectIds.shortForm("not-an-objectid-at-all!!")).isEqualTo("not-an-objectid-at-all!!");
    }

    @Test
    void browsesFiltersSortsAndFollowsRelations() {
        p = MongoGridFixture.project();
        ModelGridViewModel customers = grid("Customer");
        assertThat(customers.rangeTextProperty().get()).isEqualTo("1–3 of 3");
        assertThat(text(customers, 0, "orders")).isEqualTo("2 orders");
        assertThat(text(customers, 0, "tags")).isEqualTo("[\"vip\",\"math\"]");
        // Grace's name is an explicit null, her points and address are missing from her document.
        assertThat(List.of(text(customers, 1, "name"), text(customers, 1, "points"), text(customers, 1, "address")))
                .containsExactly("NULL", "missing", "missing");
        assertThat(text(customers, 0, "address")).isEqualTo("{street: \"Main St 1\", city: \"Delft\", geo: {lat: 52.01, lng: 4.36}}");
        assertThat(text(customers, 0, "id")).isEqualTo("64b7…f60001");
        // Unset removes a field; null keeps it, as null.
        assertThat(DocumentFields.unset(customers, customers.rows().get(0), customers.column("points")).ok()).isTrue();
        assertThat(text(customers, 0, "points")).isEqualTo("unset");
        customers.setNull(customers.rows().get(2), customers.column("address"));
        customers.saveWithoutTransaction();
        assertThat(customers.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        assertThat(List.of(text(customers, 0, "points"), text(customers, 2, "address"))).containsExactly("missing", "NULL");
        customers.toggleSort("name", false);
        assertThat(List.of(text(customers, 0, "name"), text(customers, 1, "name"), text(customers, 2, "name")))
                .containsExactly("NULL", "Ada Lovelace", "Alan Turing");
        customers.filter().addCondition("email", FilterOperator.STARTS_WITH, "AL");
        customers.applyFilter();
        assertThat(customers.totalCountProperty().get()).isEqualTo(1);
        customers.clearFilter();
        // Missing is not null: "is not set" finds the points of Grace (never set) and Ada (unset above); Alan's address,
        // set to null above, is set.
        assertThat(FilterOperator.forColumn(customers.column("address"), true)).contains(FilterOperator.IS_SET, FilterOperator.IS_NOT_SET);
        customers.filter().addCondition("points", FilterOperator.IS_NOT_SET, "");
        customers.applyFilter();
        assertThat(customers.totalCountProperty().get()).isEqualTo(2);
        customers.clearFilter();
        customers.filter().addCondition("address", FilterOperator.IS_SET, "");
        customers.applyFilter();
        assertThat(customers.totalCountProperty().get()).isEqualTo(2);
        customers.clearFilter();
        customers.filter().addCondition("name", FilterOperator.IS_NULL, "");
        customers.applyFilter();
        assertThat(customers.totalCountProperty().get()).isEqualTo(1);
        customers.clearFilter();
        customers.search("grace");
        assertThat(customers.totalCountProperty().get()).isEqualTo(1);

        ModelGridViewModel orders = grid("Order");
        assertThat(text(orders, 0, "customer")).isEqualTo("Ada Lovelace");
        assertThat(text(orders, 0, "products")).isEqualTo("2 products");
        // The relation, its ObjectId foreign key and its id array all lead to the documents they name.
        orders.follow(orders.rows().get(0), orders.column("customerId"), false);
        orders.follow(orders.rows().get(0), orders.column("products"), false);
        orders.follow(orders.rows().get(0), orders.column("productIds"), false);
        assertThat(opened).containsExactly("Customer {\"id\":\"%s\"}".formatted(ADA),
                "Product {\"id\":{\"in\":[\"%s\",\"%s\"]}}".formatted(MongoGridFixture.TEAPOT, MongoGridFixture.KITE),
                "Product {\"id\":{\"in\":[\"%s\",\"%s\"]}}".formatted(MongoGridFixture.TEAPOT, MongoGridFixture.KITE));
        RelationPickerViewModel products = orders.picker(orders.rows().get(0), orders.column("products"));
        products.load();
        assertThat(products.messageProperty().get()).isNull();
        assertThat(products.choices()).extracting(c -> c.target().label() + ":" + c.checkedProperty().get()).containsExactly("Teapot:true", "Kite:true");
    }

    @Test
    void savesEditsNewRecordsLinksAndDeletesOnAServerWithoutTransactions() {
        p = MongoGridFixture.project();
        ModelGridViewModel customers = grid("Customer");
        customers.edit(customers.rows().get(0), customers.column("name"), "Ada King");
        customers.save();
        assertThat(customers.messageProperty().get().text()).isEqualTo("Saved 1 change");

        // Two documents cannot change together without a transaction: nothing is half-saved, and the offer is made.
        customers.edit(customers.rows().get(0), customers.column("name"), "Ada K");
        customers.edit(customers.rows().get(1), customers.column("points"), "7");
        customers.save();
        assertThat(customers.nonAtomicOfferedProperty().get()).isTrue();
        assertThat(customers.messageProperty().get().text()).startsWith("Nothing was saved: these 2 changes touch several documents");
        assertThat(run(p.engine(), "Customer", "findUnique", "{\"where\": {\"id\": \"%s\"}}".formatted(ADA)).get("name").asText())
                .isEqualTo("Ada King");
        customers.saveWithoutTransaction();
        assertThat(customers.messageProperty().get().text()).isEqualTo("Saved 2 changes");
        // Grace's points were missing, not null: the guard matches either.
        assertThat(text(customers, 1, "points")).isEqualTo("7");

        GridRow added = customers.addRecord();
        assertThat(customers.cell(added, customers.column("id")).text()).isEqualTo("auto");
        customers.edit(added, customers.column("email"), "new@example.com");
        // A new record's embedded document goes in with the create.
        assertThat(customers.setValue(added, customers.column("address"),
                dev.facet.data.value.JsonCodec.parse("{\"street\": \"Dock 1\", \"city\": \"Rotterdam\", \"zip\": null, \"geo\": null}")).ok()).isTrue();
        customers.save();
        assertThat(customers.totalCountProperty().get()).isEqualTo(4);
        assertThat(run(p.engine(), "Customer", "findUnique", "{\"where\": {\"email\": \"new@example.com\"}}").get("id").asText())
                .matches("[0-9a-f]{24}");
        assertThat(run(p.engine(), "Customer", "findUnique", "{\"where\": {\"email\": \"new@example.com\"}}").get("address").path("city").asText())
                .isEqualTo("Rotterdam");

        ModelGridViewModel orders = grid("Order");
        RelationPickerViewModel products = orders.picker(orders.rows().get(0), orders.column("products"));
        products.load();
        products.toggle(products.choices().get(0));
        products.apply();
        orders.save();
        assertThat(orders.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(run(p.engine(), "Product", "findMany", "{\"select\": {\"name\": true, \"orderIds\": true}, \"orderBy\": {\"sku\": \"asc\"}}")
                .toString()).isEqualTo("[{\"name\":\"Teapot\",\"orderIds\":[]},{\"name\":\"Kite\",\"orderIds\":[\"%s\"]}]".formatted(MongoGridFixture.ORD1));

        ModelGridViewModel kite = grid("Product");
        kite.requestDelete(List.of(kite.rows().get(1)));
        assertThat(kite.deletePreviewProperty().get().effects()).containsExactly("remove its id from productIds of 1 Order");
        kite.cancelDelete();
        ModelGridViewModel again = grid("Customer");
        again.requestDelete(List.of(again.rows().get(0)));
        assertThat(again.deletePreviewProperty().get().effects())
                .containsExactly("delete 2 Order records (cascade through customer)", "  remove its id from orderIds of 1 Product");
        again.confirmDelete();
        again.save();
        assertThat(again.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(run(p.engine(), "Order", "count", "{}").asInt()).isZero();
    }

    @Test
    void theConflictCheckCoversEmbeddedDocuments() {
        p = MongoGridFixture.project();
        ModelGridViewModel customers = grid("Customer");
        // Ada's zip is missing from her document and read as null: guarded as null or missing, so no false conflict.
        assertThat(customers.setValue(customers.rows().get(0), customers.column("address"), dev.facet.data.value.JsonCodec.parse(
                "{\"street\": \"Main St 2\", \"city\": \"Delft\", \"zip\": null, \"geo\": {\"lat\": 52.01, \"lng\": 4.36}}")).ok()).isTrue();
        customers.save();
        assertThat(customers.messageProperty().get().text()).isEqualTo("Saved 1 change");

        // Someone else changes a field inside Alan's address after it was loaded: the Save is refused as a conflict.
        run(p.engine(), "Customer", "update", "{\"where\": {\"id\": \"%s\"}, \"data\": {\"address\": {\"update\": {\"zip\": \"MK3 6EZ\"}}}}"
                .formatted(MongoGridFixture.ALAN));
        assertThat(customers.setValue(customers.rows().get(2), customers.column("address"), dev.facet.data.value.JsonCodec.parse(
                "{\"street\": \"Bletchley Park\", \"city\": \"Bletchley\", \"zip\": \"MK3 6EB\", \"geo\": null}")).ok()).isTrue();
        customers.save();
        assertThat(customers.conflicts()).hasSize(1);
        assertThat(customers.messageProperty().get().text()).startsWith("Nothing was saved: 1 record was changed by someone else");
        assertThat(run(p.engine(), "Customer", "findUnique", "{\"where\": {\"id\": \"%s\"}}".formatted(MongoGridFixture.ALAN))
                .get("address").get("city").asText()).isEqualTo("Milton Keynes");

        // A list of embedded documents without nulls: an item pushed by someone else is a conflict too.
        run(p.engine(), "Order", "update", "{\"where\": {\"id\": \"%s\"}, \"data\": {\"lines\": {\"set\": [{\"sku\": \"SKU-1\", \"qty\": 2, \"price\": 19.99}]}}}"
                .formatted(MongoGridFixture.ORD1));
        ModelGridViewModel orders = grid("Order");
        run(p.engine(), "Order", "update", "{\"where\": {\"id\": \"%s\"}, \"data\": {\"lines\": {\"push\": {\"sku\": \"SKU-9\", \"qty\": 1, \"price\": 1.5}}}}"
                .formatted(MongoGridFixture.ORD1));
        JsonNodeHolder.lines = orders.rows().get(0).record().get("lines").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) JsonNodeHolder.lines.get(0)).put("qty", 5);
        assertThat(orders.setValue(orders.rows().get(0), orders.column("lines"), JsonNodeHolder.lines).ok()).isTrue();
        orders.save();
        assertThat(orders.conflicts()).hasSize(1);
    }

    @Test
    void editedListsOfEmbeddedDocumentsAreSentAsPrismasListOperations() {
        p = MongoGridFixture.project();
        run(p.engine(), "Order", "update", ("{\"where\": {\"id\": \"%s\"}, \"data\": {\"lines\": {\"set\": [{\"sku\": \"A\", \"qty\": 1, \"price\": 1.5}, "
                + "{\"sku\": \"B\", \"qty\": 2, \"price\": 2.5}, {\"sku\": \"C\", \"qty\": 3, \"price\": 3.5}]}}}").formatted(MongoGridFixture.ORD1));
        ModelGridViewModel orders = grid("Order");
        GridRow row = orders.rows().get(0);
        com.fasterxml.jackson.databind.node.ArrayNode lines = (com.fasterxml.jackson.databind.node.ArrayNode) row.record().get("lines").deepCopy();
        // One item changed: updateMany on that item (found by the fields that stay), with the changed fields only.
        com.fasterxml.jackson.databind.node.ArrayNode changed = lines.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.get(1)).put("qty", 7);
        orders.setValue(row, orders.column("lines"), changed);
        assertThat(sent(orders)).isEqualTo("{\"updateMany\":{\"where\":{\"sku\":{\"equals\":\"B\"},\"price\":{\"equals\":2.5}},"
                + "\"data\":{\"qty\":7}}}");
        // Items removed: deleteMany of those items.
        com.fasterxml.jackson.databind.node.ArrayNode fewer = lines.deepCopy();
        fewer.remove(0);
        orders.setValue(row, orders.column("lines"), fewer);
        assertThat(sent(orders)).isEqualTo("{\"deleteMany\":{\"where\":{\"OR\":[{\"sku\":{\"equals\":\"A\"},\"qty\":{\"equals\":1},"
                + "\"price\":{\"equals\":1.5}}]}}}");
        orders.save();
        assertThat(orders.messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(run(p.engine(), "Order", "findUnique", "{\"where\": {\"id\": \"%s\"}, \"select\": {\"lines\": {\"select\": {\"sku\": true}}}}"
                .formatted(MongoGridFixture.ORD1)).toString()).isEqualTo("{\"lines\":[{\"sku\":\"B\"},{\"sku\":\"C\"}]}");
        // Reordered: the whole list with set.
        row = orders.rows().get(0);
        com.fasterxml.jackson.databind.node.ArrayNode swapped = JsonNodeFactoryHolder.array(row.record().get("lines").get(1), row.record().get("lines").get(0));
        orders.setValue(row, orders.column("lines"), swapped);
        assertThat(sent(orders)).startsWith("{\"set\":[");
    }

    private static String sent(ModelGridViewModel vm) {
        return vm.plan().steps().getFirst().request().args().get("data").get("lines").toString();
    }

    private static final class JsonNodeFactoryHolder {
        static com.fasterxml.jackson.databind.node.ArrayNode array(com.fasterxml.jackson.databind.JsonNode... items) {
            com.fasterxml.jackson.databind.node.ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (var i : items) a.add(i.deepCopy());
            return a;
        }
    }

    private static final class JsonNodeHolder {
        static com.fasterxml.jackson.databind.JsonNode lines;
    }
}
