package dev.facet.schema.format;

import dev.facet.schema.source.SourceFile;
import java.util.Objects;

/**
 * One schema file and its formatted text.
 *
 * @param source the file as read
 * @param text   the formatted text, ending with a line terminator
 */
public record FormattedFile(SourceFile source, String text) {
    public FormattedFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    /** @return whether formatting changed the file */
    public boolean changed() { return !text.equals(source.text()); }
}
