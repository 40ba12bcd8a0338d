package dev.facet.schema.diagnostics;

import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The collector every loader pass writes to. Passes never throw on bad input; they report here
 * and carry on, so that all problems are shown at once.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    /** Records an error. */
    public void error(String message, Span span) { all.add(Diagnostic.error(message, span)); }

    /** Records a warning. */
    public void warning(String message, Span span) { all.add(Diagnostic.warning(message, span)); }

    /** Records a diagnostic. */
    public void add(Diagnostic diagnostic) { all.add(diagnostic); }

    /** @return whether any error was recorded */
    public boolean hasErrors() { return all.stream().anyMatch(Diagnostic::isError); }

    /** @return the number of diagnostics recorded so far */
    public int size() { return all.size(); }

    /** @return warnings first, then errors, each in the order they were recorded (as Prisma prints them) */
    public List<Diagnostic> inPrintOrder() {
        List<Diagnostic> ordered = new ArrayList<>(all.size());
        for (Diagnostic d : all) if (!d.isError()) ordered.add(d);
        for (Diagnostic d : all) if (d.isError()) ordered.add(d);
        return Collections.unmodifiableList(ordered);
    }

    /** @return the errors in the order they were recorded */
    public List<Diagnostic> errors() { return all.stream().filter(Diagnostic::isError).toList(); }

    /** @return the warnings in the order they were recorded */
    public List<Diagnostic> warnings() { return all.stream().filter(d -> !d.isError()).toList(); }
}
