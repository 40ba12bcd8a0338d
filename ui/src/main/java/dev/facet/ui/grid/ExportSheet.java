package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import dev.facet.data.RecordInserts;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sheet that exports the grid's current view (filter, search and sort applied, every page) to a file: a format,
 * a file, then progress with Cancel, and the row count and time when done. The export runs in the background; the
 * sheet can be closed while it runs.
 */
final class ExportSheet extends VBox {
    ExportSheet(ModelGridViewModel vm, Runnable close) {
        super(10);
        setId("export-sheet");
        GridExport export = vm.export();
        String model = vm.model().name();
        Label title = new Label("Export " + model, new FontIcon(Feather.DOWNLOAD));
        title.getStyleClass().add(Styles.TITLE_4);
        long count = vm.totalCountProperty().get();
        Label what = new Label((vm.isFiltered() ? "The filtered rows" : "Every row") + (count >= 0 ? String.format(" (%,d)", count) : "")
                + " in the grid's order, with every field but relations. Read a page at a time, so a large table never fills memory.");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_MUTED);

        TextField path = new TextField(defaultFile(model).toString());
        path.setId("export-path");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            File current = new File(path.getText());
            if (current.getParentFile() != null && current.getParentFile().isDirectory()) chooser.setInitialDirectory(current.getParentFile());
            chooser.setInitialFileName(current.getName());
            File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) path.setText(chosen.getPath());
        });
        ToggleGroup formats = new ToggleGroup();
        HBox formatBox = new HBox(4);
        for (RecordFormats.Format f : RecordFormats.Format.values()) {
            ToggleButton b = new ToggleButton(switch (f) {
                case CSV -> "CSV";
                case JSON -> "JSON";
                case JSON_LINES -> "JSON Lines";
                case MARKDOWN -> "Markdown";
                case SQL -> export.inserts().map(RecordInserts::language).orElse("SQL");
            });
            // A database whose connector writes no INSERT statements (MongoDB) is not offered them.
            if (f == RecordFormats.Format.SQL && export.inserts().isEmpty()) continue;
            b.setId("export-" + f.extension);
            b.setToggleGroup(formats);
            b.setSelected(RecordFormats.Format.of(path.getText()) == f);
            // The format is the file's extension: choosing one renames the file.
            b.setOnAction(e -> {
                b.setSelected(true);
                String p = path.getText();
                int dot = p.lastIndexOf('.');
                int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf(File.separatorChar));
                path.setText((dot > slash ? p.substring(0, dot) : p) + "." + f.extension);
            });
            formatBox.getChildren().add(b);
        }
        path.textProperty().addListener((o, was, is) -> formats.getToggles().forEach(t ->
                t.setSelected(((ToggleButton) t).getId().equals("export-" + RecordFormats.Format.of(is).extension))));

        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(export.progressProperty());
        progress.visibleProperty().bind(export.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        status.textProperty().bind(export.statusProperty());

        Button start = new Button("Export", new FontIcon(Feather.DOWNLOAD));
        start.setId("export-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(export.runningProperty().or(path.textProperty().isEmpty()));
        start.setOnAction(e -> export.start(Path.of(path.getText().strip())));
        Button cancel = new Button("Cancel export");
        cancel.setId("export-cancel");
        cancel.visibleProperty().bind(export.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> export.cancel());
        Button done = new Button("Close");
        done.setId("export-close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, cancel, start, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, what, formatBox, new HBox(6, path, browse), progress, status, buttons);
        setPrefWidth(520);
        setFocusTraversable(true);
        focusedProperty().addListener((o, was, is) -> {
            if (is) path.requestFocus();
        });
    }

    /** {@code ~/Downloads/Customer.csv}, or the home folder when there is no Downloads folder. */
    private static Path defaultFile(String model) {
        // HOME first, as Facet's own folders do (user.home comes from the password database).
        String env = System.getenv("HOME");
        Path home = Path.of(env != null && !env.isBlank() ? env : System.getProperty("user.home"));
        Path downloads = home.resolve("Downloads");
        return (downloads.toFile().isDirectory() ? downloads : home).resolve(model + ".csv");
    }
}
