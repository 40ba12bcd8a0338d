package dev.facet.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The notification area above the tabs: the newest few notifications as dismissible banners. It takes room in the
 * layout rather than covering anything, and never takes the focus, so the window stays usable while messages
 * are shown. A notification with details (schema diagnostics) opens them in a separate, non-modal window on click.
 */
final class NotificationArea extends VBox {
    /** More than this many banners would push the tabs off the screen; the rest wait behind "Dismiss all". */
    static final int VISIBLE = 3;

    private final Notifications notifications;
    private final Map<Long, Node> banners = new HashMap<>();
    private final Button dismissAll = new Button();

    NotificationArea(Notifications notifications) {
        this.notifications = notifications;
        setId("notifications");
        getStyleClass().add("notification-area");
        setFillWidth(true);
        dismissAll.setId("dismiss-all");
        dismissAll.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismissAll.setOnAction(e -> notifications.dismissAll());
        notifications.items().addListener((ListChangeListener<Notification>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<Notification> items = notifications.items();
        getChildren().clear();
        Map<Long, Node> kept = new HashMap<>();
        for (Notification n : items.subList(0, Math.min(VISIBLE, items.size()))) {
            Node banner = banners.containsKey(n.id()) && sameText(banners.get(n.id()), n) ? banners.get(n.id()) : banner(n);
            kept.put(n.id(), banner);
            getChildren().add(banner);
        }
        banners.clear();
        banners.putAll(kept);
        if (items.size() > 1) {
            int hidden = items.size() - Math.min(VISIBLE, items.size());
            dismissAll.setText(hidden > 0 ? "Dismiss all (" + hidden + " more)" : "Dismiss all");
            HBox bar = new HBox(dismissAll);
            bar.getStyleClass().add("dismiss-bar");
            getChildren().add(bar);
        }
        setManaged(!items.isEmpty());
        setVisible(!items.isEmpty());
    }

    private static boolean sameText(Node banner, Notification n) {
        return banner instanceof Message m && m.getUserData() instanceof Notification old && old.repeats() == n.repeats();
    }

    private Message banner(Notification n) {
        String title = n.title() + (n.repeats() > 1 ? "  ×" + n.repeats() : "");
        String text = n.text() + (n.details() != null ? "\n(Click to see the details.)" : "");
        Message m = new Message(title, text, new FontIcon(switch (n.level()) {
            case INFO -> Feather.INFO;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case ERROR -> Feather.ALERT_CIRCLE;
        }));
        m.setUserData(n);
        m.getStyleClass().add(switch (n.level()) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        });
        m.getStyleClass().add("notification-" + n.level().name().toLowerCase(java.util.Locale.ROOT));
        m.setFocusTraversable(false);
        m.setOnClose(e -> notifications.dismiss(n));
        if (n.details() != null) m.setActionHandler(() -> showDetails(n));
        return m;
    }

    private void showDetails(Notification n) {
        Alert alert = new Alert(Alert.AlertType.NONE, null, javafx.scene.control.ButtonType.CLOSE);
        alert.initModality(Modality.NONE);
        if (getScene() != null) alert.initOwner(getScene().getWindow());
        alert.setTitle(n.title());
        alert.setHeaderText(n.text());
        TextArea details = new TextArea(n.details());
        details.setEditable(false);
        details.getStyleClass().add("diagnostics");
        details.setPrefSize(720, 320);
        alert.getDialogPane().setContent(details);
        alert.setResizable(true);
        alert.show();
    }
}
