package dev.facet.ui.testing;

import dev.facet.ui.shell.DialogService;
import java.util.ArrayList;
import java.util.List;

/** Answers every question with a preset answer and records what was asked. */
public final class RecordingDialogs implements DialogService {
    public final List<String> asked = new ArrayList<>();
    public boolean answer;

    public RecordingDialogs(boolean answer) { this.answer = answer; }

    @Override
    public boolean confirm(String title, String message, String confirm) {
        asked.add(title + " | " + message);
        return answer;
    }
}
