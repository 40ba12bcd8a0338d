package dev.facet.data.sql.connect;

/** Why a connection failed, with Prisma's error code where Prisma has one. */
public enum ConnectionErrorCode {
    /** P1000: the server rejected the user name or password. */
    AUTHENTICATION_FAILED("P1000"),
    /** P1001: nothing answered at the host and port (refused, unknown host, unreachable, TCP timeout). */
    CANT_REACH("P1001"),
    /** P1002: the server accepted the connection but did not complete the handshake in time. */
    TIMED_OUT("P1002"),
    /** P1003: the database (or SQLite file) does not exist. */
    DATABASE_DOES_NOT_EXIST("P1003"),
    /** P1010: the user may log in but not use this database. */
    ACCESS_DENIED("P1010"),
    /** P1011: the TLS connection could not be opened. */
    TLS("P1011"),
    /** P1013: the URL is not valid. */
    INVALID_URL("P1013"),
    /** Any other failure; Prisma has no dedicated code. */
    OTHER(null);

    private final String prismaCode;

    ConnectionErrorCode(String prismaCode) { this.prismaCode = prismaCode; }

    /** @return Prisma's error code ({@code P1001}, ...), or null when Prisma has none */
    public String prismaCode() { return prismaCode; }
}
