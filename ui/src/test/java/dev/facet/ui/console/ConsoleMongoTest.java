package dev.facet.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.value.JsonCodec;
import dev.facet.ui.grid.MongoGridFixture;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console on MongoDB: nothing in it is SQL; calls, composites, ObjectIds, writes and completion work the same. */
class ConsoleMongoTest {
    Project project;
    final List<String> opened = new ArrayList<>();

    @BeforeEach
    void open() { project = MongoGridFixture.project(); }

    @AfterEach
    void drop() { MongoGridFixture.drop(project); }

    ConsoleViewModel console() {
        return new ConsoleViewModel(new SimpleObjectProperty<>(project), new DirectTaskExecutor(), (t, m, c) -> true,
                ConsoleHistory.inMemory(), (model, where) -> opened.add(model.name() + " " + where));
    }

    @Test
    void readsWithCompositeFiltersWritesAndFollowsOnMongoDb() {
        ConsoleViewModel vm = console();
        vm.textProperty().set("prisma.customer.findMany({ where: { address: { is: { city: 'Delft' } } }, include: { orders: true } })");
        assertThat(vm.run()).isTrue();
        assertThat(vm.problemProperty().get()).isNull();
        var records = ConsoleViewModel.records(vm.resultProperty().get().value());
        assertThat(records).extracting(r -> r.get("email").asText()).containsExactly("ada@example.com");
        assertThat(records.getFirst().get("orders")).hasSize(2);
        assertThat(vm.follow(records.getFirst(), "orders")).isTrue();
        assertThat(opened).containsExactly("Order {\"customerId\":\"" + MongoGridFixture.ADA + "\"}");

        vm.textProperty().set("prisma.customer.update({ where: { email: 'grace@example.com' }, data: { tags: { push: 'new' }, points: 7 } })");
        assertThat(vm.run()).isTrue();
        assertThat(vm.problemProperty().get()).isNull();
        var grace = project.engine().execute("Customer", "findUnique", JsonCodec.parse("{\"where\": {\"email\": \"grace@example.com\"}}"));
        assertThat(grace.get("tags").toString()).isEqualTo("[\"new\"]");
        assertThat(grace.get("points").asInt()).isEqualTo(7);

        vm.textProperty().set("prisma.customer.findMany({ where: { address: { is: { ");
        assertThat(vm.complete(vm.textProperty().get().length()).items()).extracting(ConsoleCompletion.Item::label).contains("city", "street", "geo");
    }
}
