package dev.facet.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.Engines;
import dev.facet.data.StatementCount;
import dev.facet.data.value.JsonCodec;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's view model on a real SQLite database of the demo schema, without a Stage. */
class ConsoleViewModelTest {
    @TempDir
    Path dir;
    Project project;
    SimpleObjectProperty<Project> current;
    final List<String> asked = new ArrayList<>();
    boolean answer = true;
    final List<String> opened = new ArrayList<>();
    ConsoleHistory history = ConsoleHistory.inMemory();

    @BeforeEach
    void open() {
        var engine = Engines.open(ConsoleCompletionTest.DEMO, "file:./console.db", dir, StatementCount.LOG, true);
        project = new Project(dir.resolve("schema.prisma"), ConsoleCompletionTest.DEMO, engine, "file:./console.db");
        for (String email : List.of("ada@example.com", "grace@example.com", "alan@elsewhere.org")) {
            engine.execute("Customer", "create", JsonCodec.parse("{\"data\": {\"email\": \"" + email + "\", \"name\": \"" + email.substring(0, 4) + "\"}}"));
        }
        current = new SimpleObjectProperty<>(project);
    }

    @AfterEach
    void close() { project.close(); }

    ConsoleViewModel console() {
        return new ConsoleViewModel(current, new DirectTaskExecutor(), (title, message, confirm) -> {
            asked.add(title + " / " + message);
            return answer;
        }, history, (model, where) -> opened.add(model.name() + " " + where));
    }

    @Test
    void aReadRunsAndSaysHowManyRecordsHowLongAndHowManyStatements() {
        ConsoleViewModel vm = console();
        vm.textProperty().set("prisma.customer.findMany({ where: { email: { contains: '@example' } }, include: { orders: true }, orderBy: { email: 'asc' } })");
        assertThat(vm.run()).isTrue();
        ConsoleViewModel.Result r = vm.resultProperty().get();
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(ConsoleViewModel.records(r.value())).extracting(n -> n.get("email").asText()).containsExactly("ada@example.com", "grace@example.com");
        assertThat(r.statements()).isEqualTo(2);
        assertThat(r.summary()).matches("2 records · \\d+ ms · 2 statements");
        assertThat(asked).isEmpty();

        // A double click follows a record's relation, or the record itself, to a grid.
        var ada = ConsoleViewModel.records(r.value()).getFirst();
        assertThat(vm.follow(ada, "orders")).isTrue();
        assertThat(vm.follow(ada, "email")).isTrue();
        assertThat(opened).containsExactly("Order {\"customerId\":1}", "Customer {\"id\":1}");
    }

    @Test
    void errorsArePrismasWithTheirCodeAndPathAndSyntaxErrorsTheirPosition() {
        ConsoleViewModel vm = console();
        vm.textProperty().set("prisma.customer.findMany({ where: { emial: 'x' } })");
        vm.run();
        assertThat(vm.problemProperty().get().code()).isEqualTo("P2009");
        assertThat(vm.problemProperty().get().text()).startsWith("P2009: ").contains("where.emial");
        vm.textProperty().set("prisma.customer.findUniqueOrThrow({ where: { id: 999 } })");
        vm.run();
        assertThat(vm.problemProperty().get().code()).isEqualTo("P2025");
        vm.textProperty().set("prisma.customer.findMany({\n  where: { email: 'x' }\n  take: 1 })");
        vm.run();
        assertThat(vm.problemProperty().get().code()).isNull();
        assertThat(vm.problemProperty().get().text()).isEqualTo("3:3: expected ',' or '}' after the value of where, found 'take'");
        assertThat(vm.problemProperty().get().offset()).isEqualTo(53);
    }

    @Test
    void aWriteAsksFirstRunsInOneTransactionAndIsRefusedReadOnly() {
        ConsoleViewModel vm = console();
        vm.textProperty().set("prisma.customer.update({ where: { email: 'ada@example.com' }, data: { points: { increment: 5n } } })");
        answer = false;
        assertThat(vm.run()).isFalse();
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst()).startsWith("Run update on Customer? / prisma.customer.update changes data in schema.prisma.");
        assertThat(points()).isEqualTo("0");

        answer = true;
        assertThat(vm.run()).isTrue();
        assertThat(points()).isEqualTo("5");
        assertThat(vm.resultProperty().get().value().get("points").asText()).isEqualTo("5");

        // A nested write that fails halfway leaves nothing behind: one transaction per call.
        vm.textProperty().set("prisma.customer.create({ data: { email: 'new@example.com', name: 'New', orders: { create: [{ number: 'A-1' }, { number: 'A-1' }] } } })");
        vm.run();
        assertThat(vm.problemProperty().get().code()).isEqualTo("P2002");
        assertThat(project.engine().execute("Customer", "count", JsonCodec.parse("{\"where\": {\"email\": \"new@example.com\"}}")).asInt()).isZero();

        current.set(project.withReadOnly(true));
        asked.clear();
        vm.textProperty().set("prisma.customer.deleteMany({})");
        assertThat(vm.run()).isFalse();
        assertThat(asked).isEmpty();
        assertThat(vm.problemProperty().get().text()).isEqualTo(ConsoleViewModel.READ_ONLY);
        assertThat(project.engine().execute("Customer", "count", null).asInt()).isEqualTo(3);
        // Reads still run on a read-only project.
        vm.textProperty().set("prisma.customer.count()");
        assertThat(vm.run()).isTrue();
        assertThat(vm.resultProperty().get().value().asInt()).isEqualTo(3);
    }

    private String points() {
        return project.engine().execute("Customer", "findUnique", JsonCodec.parse("{\"where\": {\"email\": \"ada@example.com\"}}")).get("points").asText();
    }

    @Test
    void theHistoryWalksWithUpAndDownAndIsRemembered() {
        ConsoleViewModel vm = console();
        vm.textProperty().set("prisma.customer.count()");
        vm.run();
        vm.textProperty().set("prisma.order.count()");
        vm.run();
        vm.textProperty().set("prisma.customer.count()");
        vm.run();
        assertThat(vm.history()).containsExactly("prisma.order.count()", "prisma.customer.count()");
        vm.textProperty().set("half typed");
        vm.previous();
        assertThat(vm.textProperty().get()).isEqualTo("prisma.customer.count()");
        vm.previous();
        assertThat(vm.textProperty().get()).isEqualTo("prisma.order.count()");
        vm.previous();
        assertThat(vm.textProperty().get()).isEqualTo("prisma.order.count()");
        vm.next();
        vm.next();
        assertThat(vm.textProperty().get()).isEqualTo("half typed");
        // A new console on the same project starts with the same history.
        assertThat(console().history()).containsExactly("prisma.order.count()", "prisma.customer.count()");
    }
}
