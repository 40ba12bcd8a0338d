package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.WindowFixture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The AOT training run's tour of the demo: every model's tab opened, scrolled and closed, nothing left open. */
@ExtendWith(ApplicationExtension.class)
class TrainingTourTest {
    private WindowFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new WindowFixture(stage, new OpenRequest.Demo(), false);
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        fixture.close();
    }

    @Test
    void opensEveryModelsTabInTurnAndClosesIt() {
        ShellViewModel shell = fixture.window.shell();
        Fx.waitUntil(() -> shell.projectProperty().get() != null);
        List<String> opened = new CopyOnWriteArrayList<>();
        Fx.run(() -> {
            shell.tabs().addListener((ListChangeListener<ModelTab>) c -> {
                while (c.next()) c.getAddedSubList().forEach(t -> opened.add(t.model().name()));
            });
            TrainingTour.start(shell, stage.getScene(), shell.projectProperty().get(), Duration.millis(20));
        });
        List<String> models = Fx.call(() -> shell.projectProperty().get().schema().models().stream().map(m -> m.name()).toList());
        Fx.waitUntil(() -> opened.size() == models.size() && shell.tabs().isEmpty());
        assertThat(opened).containsExactlyElementsOf(models);
    }
}
