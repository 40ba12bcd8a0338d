package dev.facet.ui.settings;

/** The theme the user picked. */
public enum ThemeChoice {
    /** Light or dark as the operating system is. */
    SYSTEM,
    /** Always light. */
    LIGHT,
    /** Always dark. */
    DARK
}
