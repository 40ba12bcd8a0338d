package dev.facet.ui.console;

import java.util.List;

/** Where the console's calls are remembered for a project (the user settings, per schema). */
public interface ConsoleHistory {
    /** How many calls are kept. */
    int MAX = 100;

    /** @return the calls run before, oldest first */
    List<String> load();

    /** Stores the calls, oldest first. */
    void store(List<String> calls);

    /** @return a history kept in memory only */
    static ConsoleHistory inMemory() {
        return new ConsoleHistory() {
            private List<String> calls = List.of();

            @Override public List<String> load() { return calls; }

            @Override public void store(List<String> c) { calls = List.copyOf(c); }
        };
    }
}
