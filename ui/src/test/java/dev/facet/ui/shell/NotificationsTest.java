package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.error.QueryError;
import dev.facet.ui.project.Problem;
import java.time.Duration;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class NotificationsTest {
    @Test
    void theSameErrorTwiceIsOneNotificationCountedTwiceAndMovesToTheTop() {
        Notifications n = new Notifications();
        n.error("Could not count", new QueryError("P1001", "Can't reach database server"));
        n.info("Schema reloaded", "added model Coupon");
        n.error("Could not count", new QueryError("P1001", "Can't reach database server"));

        assertThat(n.items()).hasSize(2);
        assertThat(n.items().getFirst().repeats()).isEqualTo(2);
        assertThat(n.items().getFirst().text()).isEqualTo("P1001: Can't reach database server");

        n.dismiss(n.items().getFirst());
        assertThat(n.items()).extracting(Notification::title).containsExactly("Schema reloaded");
        for (int i = 0; i < 30; i++) n.info("i" + i, "m");
        assertThat(n.items()).hasSize(Notifications.LIMIT);
        n.dismissAll();
        assertThat(n.items()).isEmpty();
    }

    @Test
    void problemsCarryPrismasCodeAndOneLineNeverAStackTrace() {
        QueryError unique = new QueryError("P2002", "Unique constraint failed", new RuntimeException("driver text"));
        assertThat(Problem.of(unique)).isEqualTo(new Problem("P2002", "Unique constraint failed"));
        assertThat(Problem.of(new IllegalStateException("first line\n\tat some.Frame(File.java:1)"))).isEqualTo(new Problem(null, "first line"));
        assertThat(Problem.of(new NullPointerException())).isEqualTo(new Problem(null, "NullPointerException"));
    }

    @Test
    void theStatusBarShowsTheLastQueryAndItsTime() {
        var running = new SimpleIntegerProperty(0);
        var task = new SimpleStringProperty("");
        var took = new SimpleObjectProperty<Duration>();
        var at = new SimpleObjectProperty<java.time.Instant>();
        StatusBarViewModel status = new StatusBarViewModel(running, task, took, at);
        assertThat(status.lastQueryProperty().get()).isEmpty();
        assertThat(status.busyProperty().get()).isFalse();

        running.set(2);
        assertThat(status.busyProperty().get()).isTrue();
        assertThat(status.runningTextProperty().get()).isEqualTo("Running 2 queries");
        task.set("Counting rows of 7 models");
        took.set(Duration.ofMillis(12));
        java.time.Instant end = java.time.Instant.parse("2026-12-06T14:02:31Z");
        at.set(end);
        running.set(0);
        String clock = StatusBarViewModel.clock(end);
        assertThat(clock).matches("\\d\\d:\\d\\d:\\d\\d");
        assertThat(status.lastQueryProperty().get()).isEqualTo("Done " + clock + " · 12 ms");
        assertThat(status.lastQueryDetailProperty().get()).isEqualTo("Counting rows of 7 models: done at " + clock + ", took 12 ms");
        assertThat(StatusBarViewModel.format(Duration.ofNanos(400_000))).isEqualTo("0.4 ms");
        assertThat(StatusBarViewModel.format(Duration.ofMillis(1250))).isEqualTo("1.25 s");
    }
}
