package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.Connector;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.Model;
import dev.facet.ui.project.OpenFailure;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.DirectTaskExecutor;
import dev.facet.ui.testing.DemoFixture;
import dev.facet.ui.testing.FakeTabContents;
import dev.facet.ui.testing.RecordingDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's view model without a Stage: every task runs at once on the test thread. */
class ShellViewModelTest {
    @TempDir
    Path dir;
    DemoFixture demo;
    FakeTabContents contents;
    RecordingDialogs dialogs;
    UserSettings settings;
    ShellViewModel vm;

    @BeforeEach
    void setUp() {
        demo = new DemoFixture(dir);
        contents = new FakeTabContents();
        dialogs = new RecordingDialogs(false);
        settings = UserSettings.load(dir.resolve("config/settings.json"));
        vm = new ShellViewModel(new ShellViewModel.Services(new DirectTaskExecutor(), Runnable::run, demo.opener(), contents, dialogs,
                ShellViewModel.SchemaWatchStarter.none(), settings));
    }

    @AfterEach
    void tearDown() { vm.close(); }

    private List<String> names(List<ModelEntry> entries) { return entries.stream().map(ModelEntry::name).toList(); }

    private ModelEntry entry(String name) {
        return vm.models().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theDemoOpensWithItsModelsAndTheirCounts() {
        vm.open(new OpenRequest.Demo());

        assertThat(vm.titleProperty().get()).isEqualTo("Facet — schema.prisma (demo.db)");
        assertThat(names(vm.models())).containsExactly("Customer", "Address", "Category", "Product", "Order", "OrderLine", "Review");
        DemoFixture.SMALL_COUNTS.forEach((model, n) -> assertThat(entry(model).countProperty().get()).as(model).isEqualTo(n));
        assertThat(entry("OrderLine").countProperty().get()).isPositive();
        assertThat(vm.models()).allSatisfy(e -> assertThat(e.countingProperty().get()).isFalse());
        assertThat(vm.notifications().items()).isEmpty();
        assertThat(vm.openingProperty().get()).isFalse();
        assertThat(Files.exists(demo.workspace().databaseFile())).isTrue();
        // The demo is not a "recent project": it has its own menu item.
        assertThat(settings.recent()).isEmpty();
    }

    @Test
    void theDemoIsSeededOnceAndReopenedAsIs() {
        vm.open(new OpenRequest.Demo());
        Project first = vm.projectProperty().get();
        first.engine().execute("Category", "create", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .set("data", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", "Added by hand")));

        vm.open(new OpenRequest.Demo());

        assertThat(vm.projectProperty().get()).isNotSameAs(first);
        assertThat(entry("Category").countProperty().get()).isEqualTo(13L);
    }

    @Test
    void theFilterNarrowsTheSidebarAndEnterOpensTheFirstMatch() {
        vm.open(new OpenRequest.Demo());

        vm.filterProperty().set("order");
        assertThat(names(vm.visibleModels())).containsExactly("Order", "OrderLine");
        vm.filterProperty().set("  LINE ");
        assertThat(names(vm.visibleModels())).containsExactly("OrderLine");
        vm.openFirstVisible();
        assertThat(vm.selectedTabProperty().get().modelName()).isEqualTo("OrderLine");
        vm.filterProperty().set("nothing like it");
        assertThat(vm.visibleModels()).isEmpty();
        vm.filterProperty().set("");
        assertThat(vm.visibleModels()).hasSize(7);
    }

    @Test
    void aModelOpensInOneTabThatIsReusedUnlessANewTabIsAsked() {
        vm.open(new OpenRequest.Demo());

        vm.openModel("Customer");
        vm.openModel("Order");
        vm.openModel("Customer");
        assertThat(vm.tabs()).extracting(ModelTab::modelName).containsExactly("Customer", "Order");
        assertThat(vm.selectedTabProperty().get().modelName()).isEqualTo("Customer");

        Model order = vm.projectProperty().get().schema().model("Order");
        vm.openModel(order, "{ \"customerId\": 5 }", false);
        vm.openModel(order, "{\"customerId\":5}", false);
        assertThat(vm.tabs()).extracting(t -> t.titleProperty().get()).containsExactly("Customer", "Order", "Order · customerId = 5");
        assertThat(contents.last().where).isEqualTo("{\"customerId\":5}");

        vm.openModel(order, "{\"customerId\":5}", true);
        assertThat(vm.tabs()).hasSize(4);
        assertThat(vm.recentlyOpened()).startsWith("Order", "Customer");
        // An empty filter is no filter: the plain tab is reused.
        vm.openModel(order, "{}", false);
        assertThat(vm.selectedTabProperty().get().whereJson()).isNull();
        assertThat(vm.tabs()).hasSize(4);
    }

    @Test
    void theOpenTabsAndTheirFiltersComeBackWhenTheProjectIsReopened() {
        vm.open(new OpenRequest.Demo());
        Model order = vm.projectProperty().get().schema().model("Order");
        vm.openModel("Customer");
        vm.openModel(order, "{\"customerId\":5}", true);
        vm.openModel("Product");
        vm.openModel("Customer");
        vm.close();

        // A new window on the same settings file: the tabs, their filters and the selected one return.
        UserSettings reread = UserSettings.load(dir.resolve("config/settings.json"));
        ShellViewModel again = new ShellViewModel(new ShellViewModel.Services(new DirectTaskExecutor(), Runnable::run, demo.opener(), contents,
                dialogs, ShellViewModel.SchemaWatchStarter.none(), reread));
        try {
            again.open(new OpenRequest.Demo());
            assertThat(again.tabs()).extracting(t -> t.titleProperty().get()).containsExactly("Customer", "Order · customerId = 5", "Product");
            assertThat(again.selectedTabProperty().get().modelName()).isEqualTo("Customer");
            assertThat(contents.last().where).isNull();
        } finally {
            again.close();
        }
    }

    @Test
    void aGridFollowsRelationsInPlaceWithBackAndForwardOrInANewTabBesideIt() {
        vm.open(new OpenRequest.Demo());
        vm.openModel("Customer");
        vm.openModel("Review");
        vm.selectedTabProperty().set(vm.tabs().getFirst());
        ModelTab customers = vm.tabs().getFirst();
        FakeTabContents.Content grid = (FakeTabContents.Content) customers.content();
        Model order = vm.projectProperty().get().schema().model("Order");

        grid.navigator.openModel(order, "{\"customerId\":7}", false);

        assertThat(vm.tabs()).hasSize(2).startsWith(customers);
        assertThat(customers.titleProperty().get()).isEqualTo("Order · customerId = 7");
        assertThat(contents.last().where).isEqualTo("{\"customerId\":7}");
        assertThat(customers.canGoBackProperty().get()).isTrue();
        assertThat(grid.disposed).isTrue();

        contents.last().navigator.back();
        assertThat(customers.titleProperty().get()).isEqualTo("Customer");
        assertThat(customers.canGoForwardProperty().get()).isTrue();
        vm.forward();
        assertThat(customers.titleProperty().get()).isEqualTo("Order · customerId = 7");

        contents.last().navigator.openModel(vm.projectProperty().get().schema().model("OrderLine"), "{\"orderId\":3}", true);
        assertThat(vm.tabs()).extracting(t -> t.titleProperty().get())
                .containsExactly("Order · customerId = 7", "OrderLine · orderId = 3", "Review");
        assertThat(vm.selectedTabProperty().get().modelName()).isEqualTo("OrderLine");

        // Unsaved changes: leaving in place asks, and a "no" stays.
        FakeTabContents.Content orders = (FakeTabContents.Content) customers.content();
        orders.dirty.set(true);
        orders.navigator.back();
        assertThat(dialogs.asked).singleElement().asString().startsWith("Leave Order · customerId = 7?");
        assertThat(customers.titleProperty().get()).isEqualTo("Order · customerId = 7");
    }

    @Test
    void closingATabWithUnsavedChangesAsksFirst() {
        vm.open(new OpenRequest.Demo());
        vm.openModel("Customer");
        vm.openModel("Product");
        ModelTab product = vm.selectedTabProperty().get();
        FakeTabContents.Content grid = contents.last();
        grid.dirty.set(true);
        assertThat(product.dirtyProperty().get()).isTrue();

        assertThat(vm.closeTab(product)).isFalse();
        assertThat(dialogs.asked).singleElement().asString().startsWith("Close Product?");
        assertThat(vm.tabs()).hasSize(2);
        assertThat(vm.confirmExit()).isFalse();

        dialogs.answer = true;
        assertThat(vm.closeTab(product)).isTrue();
        assertThat(grid.disposed).isTrue();
        assertThat(vm.tabs()).extracting(ModelTab::modelName).containsExactly("Customer");
        assertThat(vm.selectedTabProperty().get().modelName()).isEqualTo("Customer");
        assertThat(vm.confirmExit()).isTrue();
    }

    @Test
    void closingTheOtherTabsAsksOnceForAllUnsavedChanges() {
        vm.open(new OpenRequest.Demo());
        vm.openModel("Customer");
        ModelTab customer = vm.selectedTabProperty().get();
        vm.openModel("Order");
        contents.last().dirty.set(true);
        vm.openModel("Review");
        contents.last().dirty.set(true);

        assertThat(vm.closeTabsExcept(customer)).isFalse();
        assertThat(dialogs.asked).singleElement().asString().isEqualTo(
                "Close the other tabs? | Order, Review have unsaved changes. Closing discards them.");
        assertThat(vm.tabs()).hasSize(3);

        dialogs.answer = true;
        assertThat(vm.closeTabsExcept(customer)).isTrue();
        assertThat(vm.tabs()).containsExactly(customer);
        assertThat(vm.closeTabsExcept(null)).isTrue();
        assertThat(vm.tabs()).isEmpty();
        assertThat(vm.selectedTabProperty().get()).isNull();
    }

    @Test
    void refreshingCountsAfterASaveShowsTheNewCount() {
        vm.open(new OpenRequest.Demo());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        vm.projectProperty().get().engine().execute("Review", "deleteMany", json.createObjectNode().set("where",
                json.createObjectNode().set("rating", json.createObjectNode().put("lt", 4))));
        long left = vm.projectProperty().get().engine().execute("Review", "count", null).asLong();

        vm.refreshCounts();

        assertThat(left).isLessThan(30);
        assertThat(entry("Review").countProperty().get()).isEqualTo(left);
    }

    @Test
    void reloadSaysWhatChangedKeepsTabsOfModelsThatStayAndClosesTheOthers() throws Exception {
        vm.open(new OpenRequest.Demo());
        vm.openModel("Order");
        vm.openModel("Review");
        Project before = vm.projectProperty().get();
        demo.editSchema(s -> s
                .replace("  note       String?\n", "")
                .replaceFirst("(?s)model Review \\{.*?\\n}\\n", "")
                .replace("  reviews    Review[]\n", "").replace("  reviews     Review[]\n", "")
                + "\nmodel Coupon {\n  code    String @id\n  percent Int\n}\n");

        vm.reload();

        Project after = vm.projectProperty().get();
        assertThat(after).isNotSameAs(before);
        assertThat(names(vm.models())).containsExactly("Customer", "Address", "Category", "Product", "Order", "OrderLine", "Coupon");
        assertThat(vm.tabs()).extracting(ModelTab::modelName).containsExactly("Order");
        assertThat(contents.last().project).isSameAs(after);
        assertThat(vm.notifications().items()).anySatisfy(n -> {
            assertThat(n.title()).isEqualTo("Schema reloaded");
            assertThat(n.message()).contains("Added model Coupon").contains("removed model Review")
                    .contains("Order: removed note").contains("Closed the tabs of Review");
        });
        // The database has no Coupon table yet: the drift notice says so (issue 17), and the count is not tried.
        assertThat(entry("Coupon").countErrorProperty().get()).isEqualTo("Cannot be opened: its table \"Coupon\" is missing in the database");
        assertThat(vm.notifications().items()).anySatisfy(n -> {
            assertThat(n.title()).isEqualTo("Database and schema differ");
            assertThat(n.level()).isEqualTo(Notification.Level.WARNING);
            assertThat(n.details()).contains("Coupon: cannot be opened, its table \"Coupon\" is missing in the database");
        });
        assertThat(vm.notifications().items()).noneMatch(n -> n.title().startsWith("Could not count"));
        assertThat(entry("Order").countProperty().get()).isEqualTo(60L);
    }

    @Test
    void aTabWithUnsavedChangesKeepsItsContentAcrossAReloadUntilItIsClean() throws Exception {
        vm.open(new OpenRequest.Demo());
        vm.openModel("Order");
        FakeTabContents.Content grid = contents.last();
        grid.dirty.set(true);
        demo.editSchema(s -> s.replace("  note       String?\n", "  note       String?\n  giftWrap   Boolean @default(false)\n"));

        vm.reload();

        ModelTab tab = vm.tabs().getFirst();
        assertThat(tab.content()).isSameAs(grid);
        assertThat(tab.staleProperty().get()).isTrue();
        assertThat(vm.notifications().items().getFirst().message()).contains("Order: added giftWrap").contains("keeps its unsaved changes");

        grid.dirty.set(false);

        assertThat(tab.content()).isNotSameAs(grid);
        assertThat(((FakeTabContents.Content) tab.content()).model.field("giftWrap")).isNotNull();
        assertThat(tab.staleProperty().get()).isFalse();
    }

    @Test
    void aReloadOfAnUnchangedSchemaSaysSoAndABrokenOneKeepsThePreviousVersion() throws Exception {
        vm.open(new OpenRequest.Demo());
        Project before = vm.projectProperty().get();

        vm.reload();
        assertThat(vm.notifications().items().getFirst().message()).isEqualTo("No model or field changed.");

        demo.editSchema(s -> s.replace("model Category {", "model Category {\n  oops Strin"));
        vm.reload();

        Notification warning = vm.notifications().items().getFirst();
        assertThat(warning.level()).isEqualTo(Notification.Level.WARNING);
        assertThat(warning.title()).isEqualTo("The schema has errors");
        assertThat(warning.details()).contains("error: ").contains("-->  schema.prisma:");
        assertThat(vm.projectProperty().get().schema().model("Category")).isNotNull();
        assertThat(vm.projectProperty().get()).isNotSameAs(before);
    }

    @Test
    void aSchemaWithErrorsDoesNotOpenAndSaysWhy() throws Exception {
        Path broken = dir.resolve("broken/schema.prisma");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./x.db\"\n}\n\nmodel User {\n  id Int @id\n  posts Post[]\n}\n");

        vm.open(new OpenRequest.Schema(broken, null));

        assertThat(vm.projectProperty().get()).isNull();
        ShellViewModel.FailedOpen failed = vm.failedOpenProperty().get();
        assertThat(failed.failure().kind()).isEqualTo(OpenFailure.Kind.INVALID_SCHEMA);
        assertThat(failed.failure().details()).contains("Post").contains("-->  schema.prisma:8");
        assertThat(vm.notifications().items().getFirst().title()).isEqualTo("Could not open schema.prisma");
        assertThat(vm.titleProperty().get()).isEqualTo("Facet");
    }

    @Test
    void theCouldNotOpenBannerGoesOnceAProjectOpens() throws Exception {
        Path schema = dir.resolve("broken/schema.prisma");
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./x.db\"\n}\n\nmodel User {\n  id Int @id\n  posts Post[]\n}\n");
        vm.open(new OpenRequest.Schema(schema, null));
        vm.open(new OpenRequest.Schema(schema, null));
        assertThat(vm.notifications().items()).filteredOn(n -> n.title().startsWith("Could not open")).hasSize(1);

        vm.open(new OpenRequest.Demo());

        assertThat(vm.projectProperty().get()).isNotNull();
        assertThat(vm.notifications().items()).noneMatch(n -> n.title().startsWith("Could not open"));
    }

    @Test
    void theDemosNoticeGoesWhenAnotherProjectOpensAndItsLaterNewsIsNotShown() throws Exception {
        vm.open(new OpenRequest.Demo());
        DemoPreparationNotice notice = new DemoPreparationNotice(vm, Runnable::run);
        notice.progress("Adding 600 customers");
        assertThat(vm.notifications().items()).anyMatch(n -> n.title().equals("Preparing the demo"));

        Path other = dir.resolve("other/schema.prisma");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./other.db\"\n}\n\nmodel User {\n  id Int @id\n}\n");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other.resolveSibling("other.db"))) {
            c.createStatement().execute("CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY)");
        }
        vm.open(new OpenRequest.Schema(other, null));
        assertThat(vm.projectProperty().get().schemaPath()).isEqualTo(other);
        notice.finished(null);

        assertThat(vm.notifications().items()).noneMatch(n -> n.title().equals("Preparing the demo") || n.title().equals("The demo is ready"));
    }

    @Test
    void aConnectionFailureCarriesPrismasCodeAndNoPassword() throws Exception {
        Path schema = dir.resolve("pg/schema.prisma");
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n");

        vm.open(new OpenRequest.Schema(schema, "postgresql://me:s3cret-pw@127.0.0.1:1/shop?connect_timeout=2"));

        OpenFailure failure = vm.failedOpenProperty().get().failure();
        assertThat(failure.kind()).isEqualTo(OpenFailure.Kind.CONNECTION);
        assertThat(failure.code()).isEqualTo("P1001");
        assertThat(failure.getMessage()).contains("127.0.0.1:1").doesNotContain("s3cret");
        assertThat(vm.notifications().items().getFirst().text()).startsWith("P1001: Can't reach database server").doesNotContain("s3cret");
    }

    @Test
    void aMongoProjectOpenedAllowingNonAtomicWritesWritesSeveralDocumentsAndWarnsWhileOn() throws Exception {
        Path schema = dir.resolve("mongo/schema.prisma");
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, """
                datasource db {
                  provider = "mongodb"
                  url      = env("DATABASE_URL")
                }

                model Note {
                  id   String @id @default(auto()) @map("_id") @db.ObjectId
                  text String
                }
                """);
        String url = dev.facet.data.testdb.TestServers.mongoServerUrl().replaceAll("/?(\\?.*)?$", "") + "/facet_nonatomic_" + ProcessHandle.current().pid();
        String twoNotes = "{\"data\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}";

        org.junit.jupiter.api.Assumptions.assumeFalse(dev.facet.data.testdb.TestServers.mongoIsReal(),
                "a real server may be a replica set, with transactions: the option changes nothing there and nothing warns");
        vm.open(new OpenRequest.Schema(schema, url));
        // The test server has no transactions: without the option a write of two documents is refused, and nothing warns.
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(QueryError.class,
                () -> vm.projectProperty().get().engine().execute("Note", "createMany", dev.facet.data.value.JsonCodec.parse(twoNotes))).code())
                .isEqualTo("P2031");
        assertThat(vm.notifications().items()).noneMatch(n -> n.title().equals(NonAtomicNotice.TITLE));
        assertThat(vm.titleProperty().get()).doesNotContain("without transactions");

        vm.open(new OpenRequest.Schema(schema, url, false, true));

        assertThat(vm.projectProperty().get().engine().execute("Note", "createMany", dev.facet.data.value.JsonCodec.parse(twoNotes)).get("count").asInt())
                .isEqualTo(2);
        assertThat(vm.notifications().items()).filteredOn(n -> n.title().equals(NonAtomicNotice.TITLE)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("--allow-non-atomic").contains("one after another"));
        assertThat(vm.titleProperty().get()).endsWith(" \u00b7 saves without transactions");

        vm.reload();
        assertThat(vm.titleProperty().get()).as("a reload keeps the option").endsWith(" \u00b7 saves without transactions");

        vm.open(new OpenRequest.Demo());
        assertThat(vm.notifications().items()).noneMatch(n -> n.title().equals(NonAtomicNotice.TITLE));
        assertThat(vm.titleProperty().get()).doesNotContain("without transactions");
    }

    @Test
    void openedSchemasAreRemembered() {
        vm.open(new OpenRequest.Demo());
        Path schema = demo.workspace().schemaFile();

        vm.open(new OpenRequest.Schema(schema, null));
        vm.open(new OpenRequest.Schema(schema, "file:./demo.db"));

        // A URL found in the schema's sources is found again; a typed one is kept (passwords masked: UserSettingsTest).
        assertThat(settings.recent()).extracting(r -> r.url()).containsExactly("file:./demo.db", null);
        assertThat(settings.recent().getFirst().database()).isEqualTo("demo.db");
        assertThat(UserSettings.load(dir.resolve("config/settings.json")).recent()).hasSize(2);
    }

    @Test
    void aLostConnectionShowsOnceWithItsCodeAndStopsCountingTheRest() throws Exception {
        vm.open(new OpenRequest.Demo());
        Project real = vm.projectProperty().get();
        Project gone = new Project(real.schemaPath(), real.schema(), new QueryEngine(real.schema(), new DeadConnector()), real.displayUrl());

        vm.adopt(new OpenRequest.Schema(real.schemaPath(), null), gone);

        assertThat(vm.models()).allSatisfy(e -> assertThat(e.countErrorProperty().get())
                .isEqualTo("P1001: Can't reach database server: connection refused"));
        assertThat(vm.notifications().items()).singleElement().satisfies(n -> {
            assertThat(n.title()).startsWith("Could not count the rows of Customer, Address");
            assertThat(n.code()).isEqualTo("P1001");
        });
        assertThat(DeadConnector.counts).isEqualTo(1);
    }

    @Test
    void theCountBannerGoesOnceTheModelsItNamesCountAgain() {
        vm.open(new OpenRequest.Demo());
        Project real = vm.projectProperty().get();
        DeadConnector flaky = new DeadConnector();
        vm.adopt(new OpenRequest.Schema(real.schemaPath(), null),
                new Project(real.schemaPath(), real.schema(), new QueryEngine(real.schema(), flaky), real.displayUrl()));
        assertThat(vm.notifications().items()).anyMatch(n -> n.title().startsWith("Could not count the rows of"));

        // The server answers again (the demo's one SQLite connection is free once the seeding lets it go).
        flaky.answering = true;
        vm.refreshCounts();

        assertThat(vm.models()).allSatisfy(e -> assertThat(e.countErrorProperty().get()).isNull());
        assertThat(vm.notifications().items()).noneMatch(n -> n.title().startsWith("Could not count"));
    }

    /** A database that went away: every call fails as the SQL connector reports a lost server. */
    static final class DeadConnector implements Connector {
        static int counts;
        /** Set to let counts through again (as 7 rows each), for a server that came back. */
        volatile boolean answering;

        DeadConnector() { counts = 0; }

        private static QueryError gone() { return new QueryError("P1001", "Can't reach database server: connection refused"); }

        @Override public List<Map<String, Object>> read(ReadQuery query) { throw gone(); }

        @Override public long count(Model model, Filter where) {
            if (answering) return 7;
            counts++;
            throw gone();
        }

        @Override public List<Map<String, Object>> aggregate(Aggregation aggregation) { throw gone(); }

        @Override public <T> T transaction(Function<Session, T> work) { throw gone(); }

        @Override public java.util.Set<dev.facet.data.connector.ConnectorCapability> capabilities() { return java.util.Set.of(); }

        @Override public void close() { }
    }
}
