package dev.facet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layering of {@code docs/architecture.md}: dependencies point down only (app -> ui -> data-access ->
 * model-loader), and each driver stays inside its connector. Lives in {@code app}, the one module that
 * sees every other.
 *
 * <p>Rules about packages that are still empty (data-access and ui are thin for now) allow an empty
 * selection; the model-loader and app rules do not, so a renamed package cannot make them pass vacuously.
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
                    + "the commands")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule uiIsBelowTheApp = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(APP)
            .because("dependencies point down only: app wires the ui, not the reverse")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule uiGoesThroughDataAccess = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(SQL_LIBRARIES)
            .orShould().dependOnClassesThat().resideInAnyPackage(MONGO_LIBRARIES)
            .because("the ui never touches JDBC or the Mongo driver: every database call goes through "
                    + "data-access, off the FX thread")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheSqlConnectorTouchesJdbc = noClasses()
            .that().resideOutsideOfPackage(SQL_CONNECTOR)
            .should().dependOnClassesThat().resideInAnyPackage(SQL_LIBRARIES)
            .because("only the SQL connector (dev.facet.data.sql) speaks JDBC and HikariCP; everything else works "
                    + "on the neutral query model");

    @ArchTest
    static final ArchRule onlyTheMongoConnectorTouchesTheMongoDriver = noClasses()
            .that().resideOutsideOfPackage(MONGO_CONNECTOR)
            .should().dependOnClassesThat().resideInAnyPackage(MONGO_LIBRARIES)
            .because("only the MongoDB connector (dev.facet.data.mongo) speaks the Mongo driver and BSON; "
                    + "everything else works on the neutral query model");

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
