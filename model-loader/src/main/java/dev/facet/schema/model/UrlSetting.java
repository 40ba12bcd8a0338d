package dev.facet.schema.model;

/**
 * How a datasource property gives a URL: a literal, or {@code env("NAME")}.
 *
 * @param literal the literal URL, or null
 * @param envVar  the environment variable name, or null
 */
public record UrlSetting(String literal, String envVar) {
    /** @return a literal URL setting */
    public static UrlSetting literal(String url) { return new UrlSetting(url, null); }

    /** @return an {@code env("NAME")} setting */
    public static UrlSetting env(String name) { return new UrlSetting(null, name); }

    /** @return whether the URL comes from the environment */
    public boolean fromEnv() { return envVar != null; }
}
