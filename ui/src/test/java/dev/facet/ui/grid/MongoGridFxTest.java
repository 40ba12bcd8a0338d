package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static dev.facet.ui.grid.MongoGridFixture.ADA;
import static dev.facet.ui.grid.MongoGridFixture.ORD1;
import static dev.facet.ui.grid.MongoGridFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.project.Project;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** The window's grid on a MongoDB schema, driven through its real controls (issue 13). */
class MongoGridFxTest extends GridWindowTest {
    Project project;

    @Override
    void closeData() {
        if (project != null) MongoGridFixture.drop(project);
    }

    void show(String model, int width, int height) {
        show(new ModelGridViewModel(project, project.schema().model(model), executor, null, GridLayout.Store.inMemory()), width, height,
                FIRST_GRID_SECONDS);
    }

    void save(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !vm().savingProperty().get() && vm().messageProperty().get() != null);
    }

    void replaceText(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(f);
        fx(() -> f.setText(text));
    }

    @Test
    void objectIdsAreShortWholeInTheirTooltipAndCheckedAsTyped(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Order", 1280, 800);
        Labeled id = robot.lookup(".grid-cell").match(LabeledMatchers.hasText("64b7…f600b1")).queryAs(Labeled.class);
        assertThat(vm().cell(vm().rows().getFirst(), vm().column("id")).tooltip()).isEqualTo(ORD1);
        // The id array is off to the right, beyond the columns drawn.
        assertThat(vm().cell(vm().rows().getFirst(), vm().column("productIds")).text()).isEqualTo("[64b7…f600a1, 64b7…f600a2]");
        assertThat(id).isNotNull();
        // The short form is drawn whole, whatever its digits: the column fits the widest one ("0000…000000" and the like).
        assertThat(onFx(() -> ((javafx.scene.text.Text) id.lookup(".text")).getText())).isEqualTo("64b7…f600b1");
        double widest = onFx(() -> {
            double w = 0;
            for (char c : "0123456789abcdef".toCharArray()) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(String.valueOf(c).repeat(4) + "…" + String.valueOf(c).repeat(6));
                t.setFont(id.getFont());
                w = Math.max(w, t.getLayoutBounds().getWidth());
            }
            return w + ((javafx.scene.layout.Region) id).snappedLeftInset() + ((javafx.scene.layout.Region) id).snappedRightInset();
        });
        assertThat(onFx(() -> view.table().tableColumn("id").getWidth())).isGreaterThanOrEqualTo(widest);
        assertThat(vm().editText(vm().rows().getFirst(), vm().column("customerId"))).as("what Copy gives").isEqualTo(ADA);

        // Typing a malformed ObjectId into the foreign key is refused, saying what is wrong.
        selectCell(0, "customerId");
        robot.type(KeyCode.ENTER);
        TextField editor = robot.lookup(".cell-editor").queryAs(TextField.class);
        fx(() -> editor.setText("64b7f0c2a1b2c3d4e5f6000z"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> message() != null);
        assertThat(message()).contains("an ObjectId is 24 hexadecimal characters (0–9, a–f); 'z' at position 24 is not one");
        assertThat(vm().pendingCountProperty().get()).isZero();

        // The whole document as Extended JSON, as stored: _id, $oid, id arrays.
        fx(() -> view.openDocumentJson(vm().rows().getFirst()));
        waitUntil(() -> robot.lookup("#document-json").tryQuery().isPresent());
        var doc = dev.facet.data.value.JsonCodec.parse(robot.lookup("#document-json-text").queryAs(javafx.scene.control.TextArea.class).getText());
        assertThat(doc.path("_id").path("$oid").asText()).isEqualTo(ORD1);
        assertThat(doc.path("customerId").path("$oid").asText()).isEqualTo(ADA);
        assertThat(doc.path("productIds").path(1).path("$oid").asText()).isEqualTo(MongoGridFixture.KITE);
        assertThat(doc.path("lines").path(0).path("sku").asText()).isEqualTo("SKU-1");
    }

    @Test
    void theIdOfAStoredDocumentIsReadOnlyAndANewRecordTakesATypedOne(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Order", 1280, 800);
        // Prisma Client cannot update an id on MongoDB: the cell says so at once, instead of Save failing later.
        assertThat(vm().cell(vm().rows().getFirst(), vm().column("id")).has(CellFlag.READ_ONLY)).isTrue();
        assertThat(vm().cell(vm().rows().getFirst(), vm().column("number")).has(CellFlag.READ_ONLY)).isFalse();
        selectCell(0, "id");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> message() != null);
        assertThat(message()).isEqualTo("id is the document's _id: MongoDB cannot change it, and neither can Prisma Client; "
                + "Duplicate gives a copy with a new id");
        assertThat(robot.lookup(".cell-editor").tryQuery()).isEmpty();
        robot.write("64b7f0c2a1b2c3d4e5f600ff");
        assertThat(robot.lookup(".cell-editor").tryQuery()).isEmpty();
        assertThat(vm().pendingCountProperty().get()).isZero();

        // A new record's id can be typed (checked as an ObjectId), and is saved as typed.
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitUntil(() -> vm().rows().getFirst().isDraft());
        GridRow draft = onFx(() -> vm().rows().getFirst());
        assertThat(vm().cell(draft, vm().column("id")).has(CellFlag.READ_ONLY)).isFalse();
        typeInto(robot, 0, "id", "64b7f0c2a1b2c3d4e5f600ff");
        typeInto(robot, 0, "number", "ORD-9");
        save(robot);
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Order", "findUnique", "{\"where\": {\"number\": \"ORD-9\"}, \"select\": {\"id\": true}}").toString())
                .isEqualTo("{\"id\":\"64b7f0c2a1b2c3d4e5f600ff\"}");
    }

    /** @return the cell of {@code column} showing {@code text}, the column scrolled into view first (cells are made only for columns in view) */
    Node cellOf(FxRobot robot, String column, String text) {
        fx(() -> view.table().scrollToColumn(view.table().tableColumn(column)));
        waitUntil(() -> robot.lookup(".grid-cell").match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        return cell(robot, text);
    }

    /** Types {@code text} into a cell through its editor (Enter, the text, Enter). */
    void typeInto(FxRobot robot, int row, String column, String text) {
        selectCell(row, column);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".cell-editor").tryQuery().isPresent());
        fx(() -> robot.lookup(".cell-editor").queryAs(TextField.class).setText(text));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".cell-editor").tryQuery().isEmpty());
    }

    @Test
    void editsAnEmbeddedDocumentAndAListOfThemInForms(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Customer", 1280, 800);
        Node address = cellOf(robot, "address", "{street: \"Main St 1\", city: \"Delft\", geo: {lat: 52.01, lng: 4.36}}");
        robot.doubleClickOn(address);
        waitUntil(() -> robot.lookup("#composite-editor").tryQuery().isPresent());
        GridFx.snapshot(stage.getScene(), "mongo-composite-editor");
        replaceText(robot, "#composite-input-address-city", "Leiden");
        replaceText(robot, "#composite-input-address-geo-lat", "north");
        robot.clickOn("#composite-apply");
        assertThat(robot.lookup("#composite-status").queryLabeled().getText()).isEqualTo("address.geo.lat: 'north' is not a number");
        replaceText(robot, "#composite-input-address-geo-lat", "52.16");
        robot.clickOn("#composite-apply");
        waitUntil(() -> robot.lookup("#composite-editor").tryQuery().isEmpty());
        assertThat(robot.lookup(".grid-cell").match(LabeledMatchers.hasText("{street: \"Main St 1\", city: \"Leiden\", geo: {lat: 52.16, lng: 4.36}}"))
                .tryQuery()).isPresent();
        save(robot);
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Customer", "findUnique", "{\"where\": {\"id\": \"%s\"}, \"select\": {\"address\": true}}".formatted(ADA))
                .toString()).isEqualTo("{\"address\":{\"street\":\"Main St 1\",\"city\":\"Leiden\",\"zip\":null,\"geo\":{\"lat\":52.16,\"lng\":4.36}}}");
        // Sent as a partial update of the fields changed: the zip that was missing from Ada's address is still missing.
        assertThat(run(project.engine(), "Customer", "count", "{\"where\": {\"id\": \"%s\", \"address\": {\"is\": {\"zip\": {\"isSet\": false}}}}}"
                .formatted(ADA)).asInt()).isEqualTo(1);

        show("Order", 1280, 800);
        robot.doubleClickOn(cellOf(robot, "lines", "[{sku: \"SKU-1\", qty: 2, price: 19.99}, {sku: \"SKU-2\", qty: 1}]"));
        waitUntil(() -> robot.lookup("#composite-list-lines").tryQuery().isPresent());
        robot.clickOn("#composite-add-lines");
        replaceText(robot, "#composite-input-lines-2-sku", "SKU-3");
        replaceText(robot, "#composite-input-lines-2-qty", "4");
        robot.clickOn("#composite-up-lines");
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#composite-list-lines").queryAs(ListView.class);
        fx(() -> list.getSelectionModel().select(0));
        robot.clickOn("#composite-remove-lines");
        robot.clickOn("#composite-apply");
        waitUntil(() -> robot.lookup("#composite-editor").tryQuery().isEmpty());
        save(robot);
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Order", "findUnique", "{\"where\": {\"number\": \"ORD-1\"}, \"select\": {\"lines\": true}}").toString())
                .isEqualTo("{\"lines\":[{\"sku\":\"SKU-3\",\"qty\":4,\"price\":null},{\"sku\":\"SKU-2\",\"qty\":1,\"price\":null}]}");

        // An item added at the end is pushed: what another client changed in the list meanwhile is kept.
        show("Order", 1280, 800);
        Node lines = cellOf(robot, "lines", "[{sku: \"SKU-3\", qty: 4}, {sku: \"SKU-2\", qty: 1}]");
        run(project.engine(), "Order", "update", "{\"where\": {\"number\": \"ORD-1\"}, \"data\": {\"lines\": {\"updateMany\": "
                + "{\"where\": {\"sku\": \"SKU-2\"}, \"data\": {\"qty\": 9}}}}}");
        robot.doubleClickOn(lines);
        waitUntil(() -> robot.lookup("#composite-list-lines").tryQuery().isPresent());
        robot.clickOn("#composite-add-lines");
        replaceText(robot, "#composite-input-lines-2-sku", "SKU-4");
        replaceText(robot, "#composite-input-lines-2-qty", "1");
        robot.clickOn("#composite-apply");
        waitUntil(() -> robot.lookup("#composite-editor").tryQuery().isEmpty());
        save(robot);
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Order", "findUnique", "{\"where\": {\"number\": \"ORD-1\"}, \"select\": {\"lines\": true}}").toString())
                .isEqualTo("{\"lines\":[{\"sku\":\"SKU-3\",\"qty\":4,\"price\":null},{\"sku\":\"SKU-2\",\"qty\":9,\"price\":null},"
                        + "{\"sku\":\"SKU-4\",\"qty\":1,\"price\":null}]}");
    }

    @Test
    void editsAScalarListItemByItem(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Customer", 1280, 800);
        selectCell(0, "scores");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isPresent());
        assertThat(robot.lookup("#list-item-0").queryAs(TextField.class).getText()).isEqualTo("3");
        assertThat(robot.lookup("#list-item-1").queryAs(TextField.class).getText()).isEqualTo("5");
        GridFx.snapshot(stage.getScene(), "mongo-list-editor");

        // Each item is checked as typed, as an Int cell is; Apply refuses while one is wrong.
        robot.clickOn("#list-add");
        replaceText(robot, "#list-item-2", "seven");
        assertThat(robot.lookup("#list-status").queryLabeled().getText()).startsWith("item 3: ");
        robot.clickOn("#list-apply");
        assertThat(robot.lookup("#list-editor").tryQuery()).isPresent();
        assertThat(vm().pendingCountProperty().get()).isZero();
        replaceText(robot, "#list-item-2", "7");
        assertThat(robot.lookup("#list-status").queryLabeled().getText()).isEqualTo("3 items");

        // [3, 5, 7] -> remove 3 -> [5, 7] -> move 7 up -> [7, 5]
        robot.clickOn("#list-remove-0");
        robot.clickOn("#list-up-1");
        assertThat(robot.lookup("#list-item-0").queryAs(TextField.class).getText()).isEqualTo("7");
        assertThat(robot.lookup("#list-item-1").queryAs(TextField.class).getText()).isEqualTo("5");
        robot.clickOn("#list-apply");
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isEmpty());
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        save(robot);
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Customer", "findUnique", "{\"where\": {\"id\": \"%s\"}, \"select\": {\"scores\": true}}".formatted(ADA))
                .toString()).isEqualTo("{\"scores\":[7,5]}");

        // The JSON text editor is still one click away.
        selectCell(0, "tags");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isPresent());
        robot.clickOn("#list-as-json");
        waitUntil(() -> robot.lookup("#value-editor").tryQuery().isPresent());
        assertThat(robot.lookup("#value-area").queryAs(javafx.scene.control.TextArea.class).getText()).isEqualTo("[\"vip\",\"math\"]");
    }

    @Test
    void aDateTimeListHasADatePickerPerItemAndAnEnumListADropdown(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Customer", 1280, 800);
        java.time.ZoneId zone = vm().zoneProperty().get();
        selectCell(0, "visits");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isPresent());
        TextField visit = robot.lookup("#list-item-0").queryAs(TextField.class);
        javafx.scene.control.DatePicker picker = robot.lookup("#list-date-0").queryAs(javafx.scene.control.DatePicker.class);
        java.time.ZonedDateTime stored = java.time.Instant.parse("2026-03-01T10:30:00Z").atZone(zone);
        assertThat(visit.getText()).startsWith(stored.toLocalDate().toString());

        // The picker sets the date and keeps the time of day; an added item gets midnight of the picked day.
        robot.interact(() -> picker.setValue(java.time.LocalDate.of(2026, 4, 15)));
        assertThat(visit.getText()).isEqualTo("2026-04-15 " + stored.toLocalTime().toString().substring(0, 5) + ":00");
        robot.clickOn("#list-add");
        robot.interact(() -> robot.lookup("#list-date-1").queryAs(javafx.scene.control.DatePicker.class).setValue(java.time.LocalDate.of(2026, 5, 2)));
        assertThat(robot.lookup("#list-item-1").queryAs(TextField.class).getText()).isEqualTo("2026-05-02 00:00:00");
        GridFx.snapshot(stage.getScene(), "mongo-list-editor-dates");
        robot.clickOn("#list-apply");
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isEmpty());

        // An enum list: each item is a dropdown of the enum's values; Add starts with the first value.
        selectCell(0, "badges");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> badge = robot.lookup("#list-item-0").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(badge.getItems()).containsExactly("GOLD", "SILVER", "BRONZE");
        assertThat(badge.getValue()).isEqualTo("GOLD");
        robot.interact(() -> badge.setValue("SILVER"));
        robot.clickOn("#list-add");
        assertThat(robot.lookup("#list-item-1").queryAs(javafx.scene.control.ComboBox.class).getValue()).isEqualTo("GOLD");
        assertThat(robot.lookup("#list-status").queryLabeled().getText()).isEqualTo("2 items");
        GridFx.snapshot(stage.getScene(), "mongo-list-editor-enum");
        robot.clickOn("#list-apply");
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isEmpty());

        save(robot);
        assertThat(message()).isEqualTo("Saved 2 changes");
        java.time.Instant first = stored.with(java.time.LocalDate.of(2026, 4, 15)).toInstant();
        java.time.Instant second = java.time.LocalDate.of(2026, 5, 2).atStartOfDay(zone).toInstant();
        assertThat(run(project.engine(), "Customer", "findUnique", "{\"where\": {\"id\": \"%s\"}, \"select\": {\"visits\": true, \"badges\": true}}".formatted(ADA))
                .toString()).isEqualTo("{\"visits\":[\"%s\",\"%s\"],\"badges\":[\"SILVER\",\"GOLD\"]}".formatted(iso(first), iso(second)));
    }

    private static String iso(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(t);
    }

    @Test
    void thePickerTicksAndUnticksAnIdArrayRelation(FxRobot robot) {
        project = MongoGridFixture.project();
        project.engine().allowNonAtomicWrites(true);
        show("Order", 1280, 800);
        assertThat(vm().cell(vm().rows().getFirst(), vm().column("products")).text()).isEqualTo("2 products");
        selectCell(0, "products");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#relation-picker").tryQuery().isPresent()
                && robot.lookup("#relation-picker .check-box").queryAll().size() >= 2);
        GridFx.snapshot(stage.getScene(), "mongo-relation-picker");
        // The title names the order by its short ObjectId, as the grid shows it.
        assertThat(robot.lookup("#relation-picker .title-4").queryLabeled().getText()).matches("products of Order [0-9a-f]{4}…[0-9a-f]{6}");
        // Untick the first (Teapot): disconnect, both arrays change together.
        robot.clickOn(robot.lookup("#relation-picker .check-box").queryAll().iterator().next());
        robot.clickOn("#picker-apply");
        waitUntil(() -> robot.lookup("#relation-picker").tryQuery().isEmpty());
        assertThat(vm().cell(vm().rows().getFirst(), vm().column("products")).text()).isEqualTo("1 product");
        save(robot);
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Order", "findUnique", "{\"where\": {\"number\": \"ORD-1\"}, \"select\": {\"productIds\": true}}")
                .toString()).isEqualTo("{\"productIds\":[\"%s\"]}".formatted(MongoGridFixture.KITE));
        assertThat(run(project.engine(), "Product", "findUnique", "{\"where\": {\"sku\": \"SKU-1\"}, \"select\": {\"orderIds\": true}}")
                .toString()).isEqualTo("{\"orderIds\":[]}");
    }

    @Test
    void aSaveThatNeedsATransactionOffersToSaveWithoutOne(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Customer", 1024, 700);
        selectCell(0, "name");
        robot.type(KeyCode.ENTER);
        fx(() -> robot.lookup(".cell-editor").queryAs(TextField.class).setText("Ada King"));
        robot.type(KeyCode.ENTER);
        selectCell(1, "points");
        robot.type(KeyCode.ENTER);
        fx(() -> robot.lookup(".cell-editor").queryAs(TextField.class).setText("7"));
        robot.type(KeyCode.ENTER);
        save(robot);
        assertThat(message()).startsWith("Nothing was saved: these 2 changes touch several documents");
        Button offer = robot.lookup("#save-non-atomic").queryButton();
        assertThat(onFx(offer::isVisible)).isTrue();
        GridFx.snapshot(stage.getScene(), "mongo-non-atomic-offer");
        robot.clickOn(offer);
        waitUntil(() -> "Saved 2 changes".equals(message()));
        assertThat(onFx(offer::isVisible)).isFalse();
    }

    @Test
    void filtersReachIntoEmbeddedDocuments(FxRobot robot) {
        project = MongoGridFixture.project();
        show("Customer", 1280, 800);
        assertThat(nestedCondition(robot, "address", FilterOperator.IS, "city", "Delft"))
                .contains(FilterOperator.IS, FilterOperator.IS_NOT, FilterOperator.IS_SET);
        GridFx.snapshot(stage.getScene(), "mongo-composite-filter");
        robot.clickOn("#filter-apply");
        waitUntil(() -> !vm().loadingProperty().get() && vm().totalCountProperty().get() == 1);
        assertThat(onFx(() -> vm().rows().getFirst().record().get("email").asText())).isEqualTo("ada@example.com");

        // A list of embedded documents: orders with some line of SKU-2, then with no line at all.
        show("Order", 1024, 700);
        assertThat(nestedCondition(robot, "lines", FilterOperator.SOME, "sku", "SKU-2"))
                .contains(FilterOperator.SOME, FilterOperator.EVERY, FilterOperator.NONE, FilterOperator.IS_EMPTY);
        ComboBox<FilterOperator> op2 = robot.lookup(".filter-operator").query();
        GridFx.snapshot(stage.getScene(), "mongo-composite-filter-1024");
        robot.clickOn("#filter-apply");
        waitUntil(() -> !vm().loadingProperty().get() && vm().totalCountProperty().get() == 1);
        assertThat(onFx(() -> vm().rows().getFirst().record().get("number").asText())).isEqualTo("ORD-1");
        fx(() -> op2.getSelectionModel().select(FilterOperator.IS_EMPTY));
        robot.clickOn("#filter-apply");
        waitUntil(() -> !vm().loadingProperty().get() && vm().totalCountProperty().get() == 1
                && vm().rows().getFirst().record() != null && vm().rows().getFirst().record().get("number").asText().equals("ORD-2"));
    }

    /** Opens the filter panel, puts a condition on {@code field} with {@code op}, and one below it on {@code inner}; @return the operators offered */
    List<FilterOperator> nestedCondition(FxRobot robot, String field, FilterOperator op, String inner, String value) {
        robot.clickOn("#filter-toggle");
        robot.clickOn(".add-condition");
        ComboBox<GridColumn> outer = robot.lookup(".filter-field").query();
        fx(() -> outer.getSelectionModel().select(vm().column(field)));
        ComboBox<FilterOperator> ops = robot.lookup(".filter-operator").query();
        List<FilterOperator> offered = onFx(() -> List.copyOf(ops.getItems()));
        fx(() -> ops.getSelectionModel().select(op));
        waitUntil(() -> robot.lookup(".filter-nested").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".filter-nested .add-condition").queryButton());
        ComboBox<GridColumn> below = robot.lookup(".filter-nested .filter-field").query();
        fx(() -> below.getSelectionModel().select(below.getItems().stream().filter(c -> c.name().equals(inner)).findFirst().orElseThrow()));
        robot.clickOn(robot.lookup(".filter-nested .filter-value").queryAs(TextField.class)).write(value);
        return offered;
    }
}
