package dev.facet.ui.grid;

import java.util.Set;

/**
 * What one cell shows.
 *
 * @param text    the text
 * @param flags   how it is shown
 * @param tooltip more about it (the loaded value of a changed cell, the other side of a conflict), or null
 */
public record CellContent(String text, Set<CellFlag> flags, String tooltip) {
    /** @return whether the cell has {@code flag} */
    public boolean has(CellFlag flag) { return flags.contains(flag); }
}
