package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.TestFiles;
import dev.facet.ui.testing.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code facet S --url U} with a database that does not answer: the window opens the Open dialog saying why. */
@ExtendWith(ApplicationExtension.class)
class OpenFailureWindowTest {
    private WindowFixture fixture;
    private ShellWindow window;
    private Stage stage;
    private Path schema;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        schema = TestFiles.write(Files.createTempDirectory("facet-open-failure-test"), "shop/schema.prisma",
                "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n");
        // Port 1 refuses at once (P1001). With connect_timeout=2, a machine at a load of 50 ran the connect late and
        // the driver's timer fired first (P1002): the time limit only has to outlast a busy scheduler.
        fixture = new WindowFixture(stage, new OpenRequest.Schema(schema, "postgresql://me:s3cret@127.0.0.1:1/shop?connect_timeout=120"), false);
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        fixture.close();
        TestFiles.deleteTree(schema.getParent().getParent());
    }

    @Test
    void theOpenDialogShowsTheConnectionErrorWithTheTypedUrlMasked(FxRobot robot) {
        Fx.waitUntil(() -> robot.lookup("#open-error").tryQuery().map(n -> n.isVisible()).orElse(false));

        Message error = robot.lookup("#open-error").queryAs(Message.class);
        assertThat(error.getDescription()).startsWith("P1001: Can't reach database server at 127.0.0.1:1").doesNotContain("s3cret");
        assertThat(robot.lookup("#schema-path").queryTextInputControl().getText()).isEqualTo(schema.toString());
        assertThat(robot.lookup("#url").queryTextInputControl().getText()).isEqualTo("postgresql://me:****@127.0.0.1:1/shop?connect_timeout=120");
        assertThat(stage.getTitle()).isEqualTo("Facet");
        // The main window says so too, and stays usable.
        assertThat(window.shell().notifications().items().getFirst().text()).startsWith("P1001:");
        assertThat(robot.lookup("#empty-hint").queryAs(Label.class).getText()).isEqualTo("No project open.");
    }
}
