package dev.facet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.facet.schema.model.Provider;

/**
 * The layering of {@code docs/architecture.md}: dependencies point down only (app -> ui -> data-access ->
 * model-loader), each driver stays inside its connector, the neutral layers ask the connector what the database
 * can do instead of naming the provider, and no module has package cycles. Lives in {@code app}, the one module
 * that sees every other.
 *
 * <p>No rule allows an empty selection: every package they name has classes, so a renamed package cannot make a
 * rule pass vacuously. (The MongoDB connector's package may still be empty; its rule selects the classes outside it.)
 */
@AnalyzeClasses(packages = "dev.facet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String MODEL_LOADER = "dev.facet.schema..";
    private static final String DATA_ACCESS = "dev.facet.data..";
    private static final String SQL_CONNECTOR = "dev.facet.data.sql..";
    private static final String MONGO_CONNECTOR = "dev.facet.data.mongo..";
    private static final String UI = "dev.facet.ui..";
    private static final String APP = "dev.facet.app..";

    private static final String JAVAFX = "javafx..";
    private static final String[] SQL_LIBRARIES = {
            "java.sql..", "javax.sql..", "com.zaxxer..", "org.postgresql..", "com.mysql..", "org.sqlite.."};
    private static final String[] MONGO_LIBRARIES = {"com.mongodb..", "org.bson.."};

    @ArchTest
    static final ArchRule modelLoaderKnowsNoDatabaseOrUi = noClasses()
            .that().resideInAPackage(MODEL_LOADER)
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
            .orShould().dependOnClassesThat().resideInAnyPackage(SQL_LIBRARIES)
            .orShould().dependOnClassesThat().resideInAnyPackage(MONGO_LIBRARIES)
            .because("model-loader turns schema text into a model; it must stay usable by the CLI, tests and "
                    + "any connector without dragging in JavaFX, JDBC or the Mongo driver");

    @ArchTest
    static final ArchRule modelLoaderIsTheBottomLayer = noClasses()
            .that().resideInAPackage(MODEL_LOADER)
            .should().dependOnClassesThat().resideInAnyPackage(DATA_ACCESS, UI, APP)
            .because("dependencies point down only: model-loader is the bottom layer");

    @ArchTest
    static final ArchRule dataAccessKnowsNoUi = noClasses()
            .that().resideInAPackage(DATA_ACCESS)
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX, UI, APP)
            .because("data-access serves the UI and the CLI alike, so it knows nothing of JavaFX, the views or "
                    + "the commands");

    @ArchTest
    static final ArchRule uiIsBelowTheApp = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(APP)
            .because("dependencies point down only: app wires the ui, not the reverse");

    @ArchTest
    static final ArchRule uiGoesThroughDataAccess = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(SQL_LIBRARIES)
            .orShould().dependOnClassesThat().resideInAnyPackage(MONGO_LIBRARIES)
            .because("the ui never touches JDBC or the Mongo driver: every database call goes through "
                    + "data-access, off the FX thread");

    @ArchTest
    static final ArchRule uiUsesNoSqlConnectorClass = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAPackage(SQL_CONNECTOR)
            .because("the ui opens databases through data-access's connector registry (Engines) and asks the "
                    + "engine what the database can do, so that a MongoDB project opens in the same window");

    @ArchTest
    static final ArchRule viewModelsBuildNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .or().areAnnotatedWith(dev.facet.ui.ViewModelPart.class)
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model holds state and commands and is tested without a Stage; the view builds the "
                    + "nodes (docs/architecture.md, MVVM). A view model composed of parts (the grid's paging, sort, "
                    + "filters, edit session, ...) marks each part @ViewModelPart, since their names do not end in "
                    + "ViewModel and their package (grid) also holds the views");

    @ArchTest
    static final ArchRule neutralLayersDoNotDecideByProvider = noClasses()
            .that().resideInAnyPackage(DATA_ACCESS, UI)
            .and().resideOutsideOfPackage(SQL_CONNECTOR)
            .and().doNotHaveFullyQualifiedName("dev.facet.data.Connectors")
            .and().doNotImplement(dev.facet.data.connector.ConnectorFactory.class)
            .should().accessTargetWhere(DescribedPredicate.describe("a constant or method of Provider other than id()",
                    (JavaAccess<?> access) -> access.getTargetOwner().isEquivalentTo(Provider.class)
                            && !access.getName().equals("id")))
            .because("what a database can do is declared by its connector (ConnectorCapability) and asked of it; "
                    + "only the connector registry (dev.facet.data.Connectors) picks by provider (each ConnectorFactory "
                    + "saying which providers it serves), and the ui may "
                    + "show the provider's name");

    @ArchTest
    static final ArchRule onlyTheSqlConnectorTouchesJdbc = noClasses()
            .that().resideOutsideOfPackage(SQL_CONNECTOR)
            .should().dependOnClassesThat().resideInAnyPackage(SQL_LIBRARIES)
            .because("only the SQL connector (dev.facet.data.sql) speaks JDBC and HikariCP; everything else works "
                    + "on the neutral query model and the connector contract (dev.facet.data.connector)");

    @ArchTest
    static final ArchRule onlyTheMongoConnectorTouchesTheMongoDriver = noClasses()
            .that().resideOutsideOfPackage(MONGO_CONNECTOR)
            .should().dependOnClassesThat().resideInAnyPackage(MONGO_LIBRARIES)
            .because("only the MongoDB connector (dev.facet.data.mongo) speaks the Mongo driver and BSON; "
                    + "everything else works on the neutral query model");

    @ArchTest
    static final ArchRule dataAccessHasNoPackageCycles = slices().assignedFrom(packagesUnder("dev.facet.data"))
            .should().beFreeOfCycles()
            .because("a package that depends on one that depends back on it cannot be understood or replaced on "
                    + "its own: errors sit at the bottom (data.error), the neutral model below the connectors, "
                    + "and only the registry (the root package) knows the connectors");

    @ArchTest
    static final ArchRule uiHasNoPackageCycles = slices().assignedFrom(packagesUnder("dev.facet.ui"))
            .should().beFreeOfCycles()
            .because("the ui's features (grid, shell, project, ...) must stay separable: shared pieces go down, "
                    + "never back up");

    @ArchTest
    static final ArchRule appHasNoPackageCycles = slices().assignedFrom(packagesUnder("dev.facet.app"))
            .should().beFreeOfCycles()
            .because("the commands are wiring: none of their packages may depend back on another");

    /** Every package under {@code root} (the root included) is one slice. */
    private static SliceAssignment packagesUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String p = javaClass.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() { return "the packages under " + root; }
        };
    }

    @ArchTest
    static final ArchRule onlyTheCliWritesToStandardStreams = noClasses()
            .that().resideOutsideOfPackage(APP)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("stdout carries the CLI's machine-readable output (diagnostics, JSON lines): libraries "
                    + "report through return values, diagnostics or the logger, never System.out/err or "
                    + "printStackTrace");

    @ArchTest
    static void modelLoaderHasNoPackageCycles(JavaClasses classes) {
        slices().matching("dev.facet.schema.(**)").should().beFreeOfCycles()
                .because("each model-loader package builds on the ones below it (source <- ast <- diagnostics <- "
                        + "parser <- validation, format), so that a package can be read, tested and changed without "
                        + "the ones above it")
                .check(classes);
    }
}
