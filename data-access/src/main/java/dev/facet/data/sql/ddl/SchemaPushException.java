package dev.facet.data.sql.ddl;

/** {@code facet push} could not create the schema's tables; nothing it created is left behind. */
public class SchemaPushException extends RuntimeException {
    /** @param message a one-line description */
    public SchemaPushException(String message) { super(message); }

    /**
     * @param message a one-line description
     * @param cause   the underlying failure
     */
    public SchemaPushException(String message, Throwable cause) { super(message, cause); }
}
