package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.console.ConsoleViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.DirectTaskExecutor;
import dev.facet.ui.testing.DemoFixture;
import dev.facet.ui.testing.FakeTabContents;
import dev.facet.ui.testing.RecordingDialogs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's tab in the shell: one per window, following reloads and read-only, its history kept per project. */
class ConsoleTabTest {
    @TempDir
    Path dir;
    DemoFixture demo;
    RecordingDialogs dialogs = new RecordingDialogs(true);
    UserSettings settings;
    ShellViewModel vm;

    @BeforeEach
    void setUp() {
        demo = new DemoFixture(dir);
        settings = UserSettings.load(dir.resolve("config/settings.json"));
        vm = shell();
    }

    private ShellViewModel shell() {
        return new ShellViewModel(new ShellViewModel.Services(new DirectTaskExecutor(), Runnable::run, demo.opener(), new FakeTabContents(),
                dialogs, ShellViewModel.SchemaWatchStarter.none(), settings));
    }

    @AfterEach
    void tearDown() { vm.close(); }

    private ConsoleViewModel console() { return ((ConsoleContent) vm.selectedTabProperty().get().content()).viewModel(); }

    @Test
    void oneConsoleTabFollowsReloadsAndReadOnlyAndRemembersItsCalls() {
        vm.openConsole();
        assertThat(vm.tabs()).isEmpty();
        vm.open(new OpenRequest.Demo());
        vm.openModel("Customer");
        vm.openConsole();
        ModelTab tab = vm.selectedTabProperty().get();
        assertThat(tab.isConsole()).isTrue();
        assertThat(tab.titleProperty().get()).isEqualTo("Prisma Client");
        vm.openModel("Order");
        vm.openConsole();
        assertThat(vm.selectedTabProperty().get()).isSameAs(tab);
        assertThat(vm.tabs()).hasSize(3);

        ConsoleViewModel console = console();
        console.textProperty().set("prisma.customer.count()");
        assertThat(console.run()).isTrue();
        assertThat(console.resultProperty().get().value().asLong()).isEqualTo(DemoFixture.SMALL_COUNTS.get("Customer"));

        // A reload keeps the console, its text and result, on the new project.
        vm.reload();
        assertThat(vm.tabs()).contains(tab);
        assertThat(((ConsoleContent) tab.content()).viewModel()).isSameAs(console);
        assertThat(tab.project()).isSameAs(vm.projectProperty().get());
        assertThat(console.textProperty().get()).isEqualTo("prisma.customer.count()");

        // Read-only: writes refused before any question.
        assertThat(vm.setReadOnly(true)).isTrue();
        dialogs.asked.clear();
        console.textProperty().set("prisma.customer.deleteMany({})");
        assertThat(console.run()).isFalse();
        assertThat(console.problemProperty().get().text()).isEqualTo(ConsoleViewModel.READ_ONLY);
        assertThat(dialogs.asked).isEmpty();

        // The calls are remembered for this project: a new window's console has them.
        vm.close();
        vm = shell();
        vm.open(new OpenRequest.Demo());
        vm.openConsole();
        assertThat(console().history()).containsExactly("prisma.customer.count()", "prisma.customer.deleteMany({})");
    }
}
