package dev.facet.data.testdb;

import java.io.IOException;

/**
 * Starts the test database servers of {@link TestServers} for tools outside the test suite (the Prisma
 * comparison in {@code tools/prisma-compare}), prints their admin URLs, and keeps them running until standard
 * input closes. Usage, from the repository root after {@code mvn -pl data-access -am test-compile}:
 *
 * <pre>
 * java -cp data-access/target/test-classes:data-access/target/classes:$(cat /tmp/facet-test-cp) \
 *      dev.facet.data.testdb.ServeTestServers postgres mysql
 * </pre>
 *
 * Output: one line per server, {@code postgresql=<url>}, {@code mysql=<url>} or {@code mongodb=<url>}, then {@code ready}.
 */
public final class ServeTestServers {
    private ServeTestServers() {}

    /** @param args the servers to start: {@code postgres}, {@code mysql} and/or {@code mongo} (default: the first two) */
    public static void main(String[] args) throws IOException {
        java.util.List<String> wanted = args.length == 0 ? java.util.List.of("postgres", "mysql") : java.util.List.of(args);
        for (String w : wanted) {
            switch (w) {
                case "postgres", "postgresql" -> System.out.println("postgresql=" + TestServers.postgresAdminUrl());
                case "mysql", "mariadb" -> System.out.println("mysql=" + TestServers.mysqlAdminUrl());
                case "mongo", "mongodb" -> System.out.println("mongodb=" + TestServers.mongoServerUrl());
                default -> throw new IllegalArgumentException("unknown server '" + w + "' (expected postgres, mysql or mongo)");
            }
        }
        System.out.println("ready");
        System.out.flush();
        // The servers stop through TestServers' shutdown hooks once the caller closes our input.
        while (System.in.read() >= 0) {
            // wait
        }
        System.exit(0);
    }
}
