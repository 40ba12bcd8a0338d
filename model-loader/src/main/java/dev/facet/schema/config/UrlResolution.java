package dev.facet.schema.config;

import java.util.Objects;

/** The outcome of {@link ConnectionUrlResolver#resolve}: a URL and where it came from, or why there is none. */
public sealed interface UrlResolution permits UrlResolution.Resolved, UrlResolution.Failed {

    /**
     * A connection URL was found.
     *
     * @param url    the URL, unmasked: show it only through {@link UrlRedactor} ({@link #toString()} does)
     * @param source where it came from, e.g. {@code env("DATABASE_URL") from /p/.env}
     */
    record Resolved(String url, String source) implements UrlResolution {
        public Resolved {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(source, "source");
        }

        /** @return e.g. {@code postgresql://u:****@h/db (env("DATABASE_URL") from /p/.env)} */
        public String describe() { return UrlRedactor.redact(url) + " (" + source + ")"; }

        @Override public String toString() { return "Resolved[" + describe() + "]"; }
    }

    /**
     * No URL: the message says every place Facet looked, in order, with passwords masked.
     *
     * @param message e.g. {@code DATABASE_URL is not set: looked in the process environment, /p/.env (absent)}
     */
    record Failed(String message) implements UrlResolution {
        public Failed {
            message = UrlRedactor.redact(Objects.requireNonNull(message, "message"));
        }
    }
}
