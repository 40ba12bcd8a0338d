package dev.facet.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.animation.FadeTransition;
import dev.facet.ui.project.DatabaseLabel;
import dev.facet.ui.project.Project;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom bar: a running indicator, the last query and its time, and the connection. */
final class StatusBar extends HBox {
    StatusBar(StatusBarViewModel status, ShellViewModel shell) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("status-running");
        spinner.getStyleClass().add("status-spinner");
        spinner.setMaxSize(14, 14);
        spinner.visibleProperty().bind(status.busyProperty());
        spinner.managedProperty().bind(status.busyProperty());
        Label running = label("status-running-text", status.runningTextProperty());
        // Stops the queries on the server (JDBC cancel, MySQL's KILL QUERY), not only their results.
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("status-cancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> status.cancelRunning());
        cancel.visibleProperty().bind(status.busyProperty());
        cancel.managedProperty().bind(status.busyProperty());
        Label connections = label("status-connections", status.connectionsProperty());
        connections.visibleProperty().bind(status.connectionsProperty().isNotEmpty());
        connections.managedProperty().bind(connections.visibleProperty());

        Label lastQuery = label("status-last-query", status.lastQueryProperty());
        lastQuery.setGraphic(new FontIcon(Feather.CLOCK));
        lastQuery.visibleProperty().bind(status.lastQueryProperty().isNotEmpty());
        // What the task was, for screen readers and, made on the first hover, in a tooltip.
        lastQuery.accessibleTextProperty().bind(status.lastQueryDetailProperty());
        lastQuery.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (lastQuery.getTooltip() != null) return;
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(status.lastQueryDetailProperty());
            lastQuery.setTooltip(tip);
        });
        // A finished task's line fades to a quieter shade after a few seconds: it is a record, not news.
        FadeTransition fade = new FadeTransition(javafx.util.Duration.millis(600), lastQuery);
        fade.setDelay(javafx.util.Duration.seconds(4));
        fade.setToValue(0.5);
        status.lastQueryProperty().addListener((o, was, is) -> {
            fade.stop();
            lastQuery.setOpacity(1);
            if (!is.isEmpty()) fade.playFromStart();
        });

        Label connection = new Label();
        connection.setId("status-connection");
        connection.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        connection.setGraphic(new FontIcon(Feather.DATABASE));
        connection.textProperty().bind(Bindings.createStringBinding(
                () -> shell.projectProperty().get() == null ? "Not connected"
                        : shell.projectProperty().get().schema().provider().map(p -> p.id() + " · ").orElse("")
                        + shell.projectProperty().get().displayUrl(),
                shell.projectProperty()));

        // The mode at a glance, as DBeaver and TablePlus mark production connections.
        Label readOnly = new Label("READ-ONLY", new FontIcon(Feather.LOCK));
        readOnly.setId("status-read-only");
        readOnly.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "read-only-marker");
        readOnly.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> shell.projectProperty().get() != null && shell.projectProperty().get().readOnly(), shell.projectProperty()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        // In a 1024-pixel window the running text, Cancel and the connection count keep their width; the last query gives way.
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {running, cancel, connections}) r.setMinWidth(USE_PREF_SIZE);
        lastQuery.setMinWidth(0);
        getChildren().addAll(spinner, running, cancel, new Spacer(), lastQuery, readOnly, connections, connection);
    }

    /**
     * A coloured band across the window under the menu, so the mode shows at a glance (as DBeaver and TablePlus colour
     * production connections): red when read-only, amber when writing to a database on another machine, green when
     * writing to one on this machine.
     */
    static Region modeBand(ShellViewModel shell) {
        Region band = new Region();
        band.setId("mode-band");
        band.getStyleClass().add("mode-band");
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        javafx.scene.control.Tooltip.install(band, tip);
        Runnable update = () -> {
            Project p = shell.projectProperty().get();
            String mode = modeOf(p);
            for (String m : java.util.List.of("read-only", "remote", "local")) band.pseudoClassStateChanged(PseudoClass.getPseudoClass(m), m.equals(mode));
            band.setVisible(p != null);
            tip.setText(switch (mode) {
                case "read-only" -> "Read-only: nothing can be edited, linked, deleted or written";
                case "remote" -> "Writable, on another machine: changes go to " + DatabaseLabel.of(p.displayUrl());
                default -> "Writable, on this machine";
            });
        };
        shell.projectProperty().addListener((o, was, is) -> update.run());
        update.run();
        return band;
    }

    /** @return {@code read-only}, {@code remote} (writable, on another machine) or {@code local}; {@code none} without a project */
    static String modeOf(Project p) {
        if (p == null) return "none";
        return p.readOnly() ? "read-only" : DatabaseLabel.isLocal(p.displayUrl()) ? "local" : "remote";
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        l.textProperty().bind(text);
        return l;
    }
}
