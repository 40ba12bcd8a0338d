package dev.facet.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.facet.ui.project.DatabaseLabel;
import dev.facet.ui.project.Project;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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

        Label lastQuery = label("status-last-query", status.lastQueryProperty());
        lastQuery.setGraphic(new FontIcon(Feather.CLOCK));
        lastQuery.visibleProperty().bind(status.lastQueryProperty().isNotEmpty());

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

        getChildren().addAll(spinner, running, new Spacer(), lastQuery, readOnly, connection);
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
