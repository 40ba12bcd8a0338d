package dev.facet.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.config.UrlRedactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's settings, in a small JSON file in the config folder: the theme and the recent projects. A missing or
 * broken file gives the defaults (a broken file is logged, then overwritten on the next change); a file that
 * cannot be written is logged and otherwise ignored, since nothing here is worth interrupting the user for.
 */
public final class UserSettings {
    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many recent projects are kept. */
    public static final int MAX_RECENT = 10;

    private final Path file;
    private ThemeChoice theme = ThemeChoice.SYSTEM;
    private final List<RecentProject> recent = new ArrayList<>();
    /** Schema paths of the projects opened read-only. */
    private final java.util.Set<String> readOnly = new java.util.TreeSet<>();
    /** The console's calls per schema path, oldest first. */
    private final java.util.Map<String, List<String>> consoleHistory = new java.util.TreeMap<>();
    /** Schema paths of the projects on another machine whose user was asked whether they are production databases. */
    private final java.util.Set<String> askedProduction = new java.util.TreeSet<>();
    /** The tabs each project had open when it was last closed, by schema path. */
    private final java.util.Map<String, OpenTabs> tabs = new java.util.TreeMap<>();

    /**
     * A project's open tabs, to show again when it is reopened.
     *
     * @param tabs     each tab's model and the Prisma {@code where} it showed (its filter and search included), or null
     * @param selected the index of the selected tab
     */
    public record OpenTabs(List<SavedTab> tabs, int selected) {
        public OpenTabs { tabs = List.copyOf(tabs); }
    }

    /** @param where a Prisma {@code where} as JSON text, or null */
    public record SavedTab(String model, String where) {}

    private UserSettings(Path file) { this.file = file; }

    /** @return the settings stored in {@code file}, or the defaults when it is missing or unreadable */
    public static UserSettings load(Path file) {
        UserSettings s = new UserSettings(file);
        if (!Files.isRegularFile(file)) return s;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            try {
                s.theme = ThemeChoice.valueOf(root.path("theme").asText("SYSTEM"));
            } catch (IllegalArgumentException e) {
                s.theme = ThemeChoice.SYSTEM;
            }
            for (JsonNode r : root.path("recent")) {
                if (!r.path("schemaPath").isTextual()) continue;
                s.recent.add(new RecentProject(r.get("schemaPath").asText(), textOrNull(r, "url"), textOrNull(r, "database")));
            }
            for (JsonNode r : root.path("readOnly")) if (r.isTextual()) s.readOnly.add(r.asText());
            root.path("consoleHistory").properties().forEach(e -> {
                List<String> calls = new ArrayList<>();
                for (JsonNode c : e.getValue()) if (c.isTextual()) calls.add(c.asText());
                s.consoleHistory.put(e.getKey(), calls);
            });
            for (JsonNode r : root.path("askedProduction")) if (r.isTextual()) s.askedProduction.add(r.asText());
            root.path("tabs").properties().forEach(e -> {
                List<SavedTab> saved = new ArrayList<>();
                for (JsonNode t : e.getValue().path("open")) {
                    if (t.path("model").isTextual()) saved.add(new SavedTab(t.get("model").asText(), textOrNull(t, "where")));
                }
                s.tabs.put(e.getKey(), new OpenTabs(saved, e.getValue().path("selected").asInt(0)));
            });
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
        }
        return s;
    }

    /** @return a settings object that is never written (tests, or when there is no config folder) */
    public static UserSettings inMemory() { return new UserSettings(null); }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** @return the theme choice */
    public ThemeChoice theme() { return theme; }

    /** Sets and stores the theme choice. */
    public void setTheme(ThemeChoice choice) {
        if (choice == theme) return;
        theme = choice;
        save();
    }

    /** @return the recent projects, most recent first */
    public List<RecentProject> recent() { return List.copyOf(recent); }

    /**
     * Puts a project first in the recent list (replacing an entry with the same schema and URL), masking any
     * password its URL holds, and stores the list.
     */
    public void remember(RecentProject project) {
        RecentProject safe = new RecentProject(project.schemaPath(), UrlRedactor.redact(project.url()), project.database());
        recent.removeIf(r -> r.schemaPath().equals(safe.schemaPath()) && java.util.Objects.equals(r.url(), safe.url()));
        recent.addFirst(safe);
        while (recent.size() > MAX_RECENT) recent.removeLast();
        save();
    }

    /** @return whether the project of this schema path is opened read-only */
    public boolean isReadOnly(String schemaPath) { return readOnly.contains(schemaPath); }

    /** Remembers whether the project of this schema path is opened read-only. */
    public void setReadOnly(String schemaPath, boolean on) {
        if (on ? readOnly.add(schemaPath) : readOnly.remove(schemaPath)) save();
    }

    /** @return the console calls run on the project of this schema path, oldest first */
    public List<String> consoleHistory(String schemaPath) { return List.copyOf(consoleHistory.getOrDefault(schemaPath, List.of())); }

    /** Stores the console calls run on the project of this schema path, oldest first. */
    public void setConsoleHistory(String schemaPath, List<String> calls) {
        consoleHistory.put(schemaPath, List.copyOf(calls));
        save();
    }

    /** @return whether the user was asked whether this project's database is a production one (asked once) */
    public boolean askedProduction(String schemaPath) { return askedProduction.contains(schemaPath); }

    /** Remembers that the user was asked whether this project's database is a production one. */
    public void markAskedProduction(String schemaPath) {
        if (askedProduction.add(schemaPath)) save();
    }

    /** @return the tabs the project of this schema path had open when it was last closed (none when never) */
    public OpenTabs openTabs(String schemaPath) { return tabs.getOrDefault(schemaPath, new OpenTabs(List.of(), 0)); }

    /** Remembers the tabs the project of this schema path has open. */
    public void setOpenTabs(String schemaPath, OpenTabs open) {
        if (open.equals(tabs.put(schemaPath, open))) return;
        save();
    }

    /** Removes a project from the recent list and stores it. */
    public void forget(RecentProject project) {
        if (recent.remove(project)) save();
    }

    private void save() {
        if (file == null) return;
        ObjectNode root = JSON.createObjectNode();
        root.put("theme", theme.name());
        ArrayNode list = root.putArray("recent");
        for (RecentProject r : recent) {
            ObjectNode o = list.addObject();
            o.put("schemaPath", r.schemaPath());
            if (r.url() != null) o.put("url", r.url());
            if (r.database() != null) o.put("database", r.database());
        }
        if (!readOnly.isEmpty()) readOnly.forEach(root.putArray("readOnly")::add);
        if (!consoleHistory.isEmpty()) {
            ObjectNode history = root.putObject("consoleHistory");
            consoleHistory.forEach((schema, calls) -> calls.forEach(history.putArray(schema)::add));
        }
        if (!askedProduction.isEmpty()) askedProduction.forEach(root.putArray("askedProduction")::add);
        if (!tabs.isEmpty()) {
            ObjectNode all = root.putObject("tabs");
            tabs.forEach((key, open) -> {
                ObjectNode o = all.putObject(key);
                o.put("selected", open.selected());
                ArrayNode openList = o.putArray("open");
                for (SavedTab t : open.tabs()) {
                    ObjectNode saved = openList.addObject().put("model", t.model());
                    if (t.where() != null) saved.put("where", t.where());
                }
            });
        }
        try {
            Files.createDirectories(file.getParent());
            // Write beside the file and move, so a crash never leaves half a settings file.
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot save settings to {}: {}", file, e.getMessage());
        }
    }
}
