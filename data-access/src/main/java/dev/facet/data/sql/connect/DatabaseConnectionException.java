package dev.facet.data.sql.connect;

/**
 * A database could not be connected to, or its URL is invalid. The message is one line that names the host (and
 * database) and the cause; it never contains the password.
 */
public final class DatabaseConnectionException extends RuntimeException {
    private final ConnectionErrorCode code;

    /**
     * @param code    why it failed
     * @param message a one-line description without the password
     */
    public DatabaseConnectionException(ConnectionErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** @return why it failed */
    public ConnectionErrorCode code() { return code; }

    /** @return Prisma's error code ({@code P1001}, ...), or null when Prisma has none */
    public String prismaCode() { return code.prismaCode(); }

    /** @return the message prefixed by Prisma's code when there is one: {@code P1001: Can't reach ...} */
    public String describe() {
        return code.prismaCode() == null ? getMessage() : code.prismaCode() + ": " + getMessage();
    }
}
