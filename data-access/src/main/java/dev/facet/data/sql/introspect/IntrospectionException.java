package dev.facet.data.sql.introspect;

/** The database answered, but its catalog could not be read (a missing privilege, an unexpected catalog). */
public final class IntrospectionException extends RuntimeException {
    /** @param message what failed, for the user */
    public IntrospectionException(String message, Throwable cause) { super(message, cause); }
}
