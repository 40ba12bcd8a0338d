package dev.facet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves that JavaFX and TestFX run headless (Monocle) in the build. */
@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("Press");
        button.setId("press");
        button.setOnAction(e -> button.setText("Pressed"));
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void clicksReachTheButton(FxRobot robot) {
        robot.clickOn("#press");
        assertThat(button.getText()).isEqualTo("Pressed");
    }
}
