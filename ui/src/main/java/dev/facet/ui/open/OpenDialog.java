package dev.facet.ui.open;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.facet.ui.settings.RecentProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Open dialog: schema path (typed, or chosen as a file or a folder), connection URL, recent projects, and what
 * went wrong last time (diagnostics, connection errors). It stays open until a project opens; closing it keeps
 * what was typed for next time, since the view model outlives it.
 */
public final class OpenDialog {
    private static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType DEMO = new ButtonType("Open the Demo", ButtonBar.ButtonData.LEFT);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final OpenDialogViewModel vm;
    private final Dialog<Void> dialog = new Dialog<>();
    private final TextField schemaPath = new TextField();

    /**
     * @param vm       the dialog's state
     * @param owner    the main window
     * @param openDemo opens the demo (the dialog closes)
     * @param quit     quits Facet (Ctrl+Q works while the dialog is up, as everywhere)
     */
    public OpenDialog(OpenDialogViewModel vm, Window owner, Runnable openDemo, Runnable quit) {
        this.vm = vm;
        dialog.setTitle("Open a Prisma schema");
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().addAll(DEMO, ButtonType.CANCEL, OPEN);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setMinWidth(760);
        dialog.getDialogPane().getStylesheets().add(OpenDialog.class.getResource("/dev/facet/ui/shell/facet.css").toExternalForm());

        Button open = (Button) dialog.getDialogPane().lookupButton(OPEN);
        open.setId("open-button");
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.addEventFilter(ActionEvent.ACTION, e -> {
            // Opening runs in the background; the dialog closes when it succeeds, and stays with the error otherwise.
            e.consume();
            vm.open();
        });
        Button demo = (Button) dialog.getDialogPane().lookupButton(DEMO);
        demo.setId("open-demo-button");
        demo.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            dialog.close();
            openDemo.run();
        });
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (QUIT.match(e)) {
                e.consume();
                dialog.close();
                quit.run();
            }
        });
        vm.doneProperty().addListener((o, was, is) -> {
            if (is) dialog.close();
        });
        // A dialog keeps the size it opened with; grow it when the error or the diagnostics appear.
        vm.errorProperty().addListener((o, was, is) -> fitLater());
        vm.diagnosticsProperty().addListener((o, was, is) -> fitLater());
    }

    private void fitLater() { DialogPlacement.fitHeightLater(dialog); }

    /** Shows the dialog without waiting for it, centred on the window (not every window manager places it). */
    public void show() {
        vm.prepare();
        DialogPlacement.showOverOwner(dialog);
        schemaPath.requestFocus();
    }

    /** @return whether the dialog shows, for the window's backdrop */
    public javafx.beans.value.ObservableBooleanValue showingProperty() { return dialog.showingProperty(); }

    /** @return whether it is showing */
    public boolean isShowing() { return dialog.isShowing(); }

    private VBox content() {
        schemaPath.setId("schema-path");
        schemaPath.setPromptText("path/to/schema.prisma, or a folder of .prisma files");
        schemaPath.textProperty().bindBidirectional(vm.schemaPathProperty());
        schemaPath.setOnAction(e -> vm.inspect());
        schemaPath.focusedProperty().addListener((o, was, is) -> {
            if (!is) vm.inspect();
        });
        HBox.setHgrow(schemaPath, Priority.ALWAYS);
        Button file = new Button("File…", new FontIcon(Feather.FILE));
        file.setId("choose-file");
        file.setOnAction(e -> chooseFile());
        Button folder = new Button("Folder…", new FontIcon(Feather.FOLDER));
        folder.setId("choose-folder");
        folder.setOnAction(e -> chooseFolder());
        HBox schemaRow = new HBox(6, schemaPath, file, folder);

        Label schemaStatus = new Label();
        schemaStatus.setId("schema-status");
        schemaStatus.textProperty().bind(vm.schemaStatusProperty());
        schemaStatus.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        ProgressIndicator checking = new ProgressIndicator();
        checking.setMaxSize(14, 14);
        checking.visibleProperty().bind(vm.busyProperty());
        HBox statusRow = new HBox(6, checking, schemaStatus);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        TextField url = new TextField();
        url.setId("url");
        url.setPromptText("postgresql://user:password@host:5432/db, mysql://…, file:./dev.db");
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setOnAction(e -> vm.open());
        Label urlHint = new Label();
        urlHint.setId("url-hint");
        urlHint.setWrapText(true);
        urlHint.textProperty().bind(vm.urlHintProperty());
        urlHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        vm.errorKindProperty().addListener((o, was, kind) -> {
            boolean schemaProblem = kind == dev.facet.ui.project.OpenFailure.Kind.UNREADABLE || kind == dev.facet.ui.project.OpenFailure.Kind.INVALID_SCHEMA;
            boolean urlProblem = kind == dev.facet.ui.project.OpenFailure.Kind.NO_URL || kind == dev.facet.ui.project.OpenFailure.Kind.CONNECTION;
            schemaPath.pseudoClassStateChanged(Styles.STATE_DANGER, schemaProblem);
            url.pseudoClassStateChanged(Styles.STATE_DANGER, urlProblem);
        });

        GridPane form = new GridPane(10, 4);
        Label urlLabel = label("Connection URL");
        form.addRow(0, label("Schema"), schemaRow);
        form.add(statusRow, 1, 1);
        form.addRow(2, urlLabel, url);
        form.add(urlHint, 1, 3);
        // The hints wrap within the dialog's width instead of widening it.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(560);
        form.getColumnConstraints().addAll(labels, fields);
        urlHint.setMinHeight(Region.USE_PREF_SIZE);
        urlHint.setPrefWidth(560);
        GridPane.setHgrow(schemaRow, Priority.ALWAYS);
        GridPane.setHgrow(url, Priority.ALWAYS);
        // A little air between the schema part and the URL part.
        GridPane.setMargin(url, new Insets(8, 0, 0, 0));
        GridPane.setMargin(urlLabel, new Insets(8, 0, 0, 0));

        Message error = new Message("Could not open", "", new FontIcon(Feather.ALERT_CIRCLE));
        error.setId("open-error");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // A long error (a driver's message) scrolls inside the box; the buttons stay in view.
        error.setMaxHeight(180);

        Button create = new Button("Create It and Push the Schema…", new FontIcon(Feather.DATABASE));
        create.setId("create-and-push");
        create.getStyleClass().add(Styles.ACCENT);
        create.visibleProperty().bind(vm.offerProperty().isNotNull());
        create.managedProperty().bind(create.visibleProperty());
        create.setOnAction(e -> {
            var offer = vm.offerProperty().get();
            if (offer != null && CreationConfirmation.ask(dialog.getDialogPane().getScene().getWindow(), offer)) vm.createAndOpen();
        });

        TextArea diagnostics = new TextArea();
        diagnostics.setId("diagnostics");
        diagnostics.setEditable(false);
        diagnostics.setPrefRowCount(12);
        diagnostics.getStyleClass().add("diagnostics");
        diagnostics.textProperty().bind(vm.diagnosticsProperty());
        diagnostics.visibleProperty().bind(vm.diagnosticsProperty().isNotEmpty());
        diagnostics.managedProperty().bind(diagnostics.visibleProperty());

        Label recentLabel = label("Recent");
        ListView<RecentProject> recent = new ListView<>(vm.recent());
        recent.setId("recent-list");
        recent.setPrefHeight(150);
        recent.getStyleClass().add(Styles.DENSE);
        recent.setCellFactory(v -> new RecentCell(vm));
        recent.setOnMouseClicked(e -> {
            RecentProject r = recent.getSelectionModel().getSelectedItem();
            if (r == null) return;
            vm.chooseRecent(r);
            if (e.getClickCount() == 2) vm.open();
        });
        Label none = new Label("Projects you open appear here.");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        recent.setPlaceholder(none);
        VBox recentBox = new VBox(4, recentLabel, recent);
        recentBox.visibleProperty().bind(Bindings.isNotEmpty(vm.recent()));
        recentBox.managedProperty().bind(recentBox.visibleProperty());

        VBox box = new VBox(10, form, error, create, diagnostics, recentBox);
        box.setId("open-dialog");
        box.setPadding(new Insets(16, 16, 4, 16));
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a Prisma schema");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Prisma schemas", "*.prisma"),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) choose(chosen);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a folder of .prisma files");
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) choose(chosen);
    }

    private void choose(File chosen) {
        vm.schemaPathProperty().set(chosen.getAbsolutePath());
        vm.inspect();
    }

    private java.util.Optional<File> initialFolder() {
        try {
            Path p = Path.of(vm.schemaPathProperty().get().strip());
            Path folder = Files.isDirectory(p) ? p : p.getParent();
            return folder != null && Files.isDirectory(folder) ? java.util.Optional.of(folder.toFile()) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** A recent project: schema file name, its folder and database; a context menu to forget it. */
    private static final class RecentCell extends ListCell<RecentProject> {
        private final OpenDialogViewModel vm;

        RecentCell(OpenDialogViewModel vm) { this.vm = vm; }

        @Override
        protected void updateItem(RecentProject r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                setContextMenu(null);
                return;
            }
            Path p = Path.of(r.schemaPath());
            Label name = new Label(p.getFileName() == null ? r.schemaPath() : p.getFileName().toString());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label where = new Label((p.getParent() == null ? "" : p.getParent().toString())
                    + (r.database() == null || r.database().isEmpty() ? "" : " · " + r.database()));
            where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            HBox row = new HBox(8, new FontIcon(Feather.FILE_TEXT), name, where);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            MenuItem forget = new MenuItem("Remove from the list");
            forget.setOnAction(e -> vm.forgetRecent(r));
            setContextMenu(new ContextMenu(forget));
        }
    }
}
