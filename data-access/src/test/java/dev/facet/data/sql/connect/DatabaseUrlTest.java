package dev.facet.data.sql.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {
    private static final Path SCHEMA_DIR = Path.of("/work/project/prisma");

    @Test
    void postgresqlUrlWithEveryArgument() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://jane:p%40ss%3Aw%2Frd@db.example.com:5433/shop"
                + "?schema=sales&sslmode=require&connection_limit=7&connect_timeout=3&pool_timeout=20&application_name=x", SCHEMA_DIR);

        assertThat(url.scheme()).isEqualTo(DatabaseUrl.Scheme.POSTGRESQL);
        assertThat(url.user()).isEqualTo("jane");
        assertThat(url.password()).isEqualTo("p@ss:w/rd");
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.schema()).isEqualTo("sales");
        assertThat(url.argument("sslmode")).isEqualTo("require");
        assertThat(url.connectionLimit()).hasValue(7);
        assertThat(url.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(url.poolTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(url.argument("application_name")).isEqualTo("x");
        assertThat(url.address()).isEqualTo("db.example.com:5433");
    }

    @Test
    void postgresAliasAndDefaults() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost", null);

        assertThat(url.scheme()).isEqualTo(DatabaseUrl.Scheme.POSTGRESQL);
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.database()).isNull();
        assertThat(url.schema()).isEqualTo("public");
        assertThat(url.connectionLimit()).isEmpty();
        assertThat(url.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(url.poolTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(url.socketTimeout()).isZero();
    }

    @Test
    void unencodedAtSignInPasswordStillParses() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://jane:p@ss@localhost/shop", null);

        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.database()).isEqualTo("shop");
    }

    @Test
    void utf8PercentEncodingAndPlusInQuery() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://j%C3%BCrgen:p%C3%A4ss+word@localhost/caf%C3%A9?schema=my+schema", null);

        assertThat(url.user()).isEqualTo("jürgen");
        // '+' is a literal in the user info and a space in query arguments, as in Prisma's URL parser.
        assertThat(url.password()).isEqualTo("päss+word");
        assertThat(url.database()).isEqualTo("café");
        assertThat(url.schema()).isEqualTo("my schema");
    }

    @Test
    void ipv6Host() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@[::1]:6543/db", null);

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.address()).isEqualTo("[::1]:6543");
        assertThat(url.masked()).isEqualTo("postgresql://u@[::1]:6543/db");
    }

    @Test
    void mysqlUrl() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://root:secret@127.0.0.1/app?connection_limit=2&sslaccept=strict", null);

        assertThat(url.scheme()).isEqualTo(DatabaseUrl.Scheme.MYSQL);
        assertThat(url.port()).isEqualTo(3306);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.schema()).isNull();
        assertThat(url.connectionLimit()).hasValue(2);
        assertThat(url.masked()).isEqualTo("mysql://root:****@127.0.0.1/app?connection_limit=2&sslaccept=strict");
    }

    @Test
    void sqliteRelativePathsResolveAgainstTheSchemaFolder() {
        assertThat(DatabaseUrl.parse("file:./dev.db", SCHEMA_DIR).file()).isEqualTo(Path.of("/work/project/prisma/dev.db"));
        assertThat(DatabaseUrl.parse("file:dev.db", SCHEMA_DIR).file()).isEqualTo(Path.of("/work/project/prisma/dev.db"));
        assertThat(DatabaseUrl.parse("file:../data/app.db?connection_limit=1", SCHEMA_DIR).file())
                .isEqualTo(Path.of("/work/project/data/app.db"));
        assertThat(DatabaseUrl.parse("file:/var/lib/app.db", SCHEMA_DIR).file()).isEqualTo(Path.of("/var/lib/app.db"));
        assertThat(DatabaseUrl.parse("file:///var/lib/app.db", SCHEMA_DIR).file()).isEqualTo(Path.of("/var/lib/app.db"));

        DatabaseUrl url = DatabaseUrl.parse("file:./dev.db?connection_limit=1", SCHEMA_DIR);
        assertThat(url.scheme()).isEqualTo(DatabaseUrl.Scheme.SQLITE);
        assertThat(url.masked()).isEqualTo("file:./dev.db?connection_limit=1");
        assertThat(url.address()).isEqualTo("/work/project/prisma/dev.db");
        assertThat(url.host()).isNull();
    }

    @Test
    void maskedFormsNeverShowThePassword() {
        String secret = "s3cr%2Ft-Pa55";
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:" + secret + "@host/db?sslmode=prefer&sslpassword=other-secret", null);

        assertThat(url.masked()).isEqualTo("postgresql://user:****@host/db?sslmode=prefer&sslpassword=****");
        assertThat(url.toString()).isEqualTo(url.masked());
        assertThat(url.toString()).doesNotContain("s3cr").doesNotContain("other-secret");
        assertThat(url.password()).isEqualTo("s3cr/t-Pa55");
    }

    @Test
    void cockroachUsesThePostgresqlScheme() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://root@localhost:26257/defaultdb?sslmode=disable", null);

        assertThat(url.scheme()).isEqualTo(DatabaseUrl.Scheme.POSTGRESQL);
        assertThat(url.port()).isEqualTo(26257);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "localhost:5432", "mongodb://u:hunter22@localhost/db", "sqlserver://localhost:1433", "http://x",
            "postgresql://u:hunter22@localhost:abc/db", "postgresql://u:hunter22@localhost:99999/db", "postgresql://u:hunter22@/db",
            "postgresql://u:hunter22@localhost/db?connection_limit=many", "postgresql://u:hunter22@localhost/db?connect_timeout=-1",
            "mysql://u:hunter22@localhost/db?connection_limit=0", "prisma://accelerate.prisma-data.net/?api_key=hunter22", "file:",
            // Credentials must never go to an address the user did not write (issue 18).
            "postgresql://u:hunter22@@@::://", "postgresql://u:hunter22@::1/db", "postgresql://u:hunter22@:5432/db",
            "mysql://u:hunter22@localhost:+3306/db", "postgresql://u:hunter22@local host/db", "postgresql://u:hunter22@[zz]/db",
            "postgresql://u:hunter22@[127.0.0.1]/db", "postgresql://u:hunter22@a@b:c/db"})
    void invalidUrlsAreP1013WithoutThePassword(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text, null))
                .isInstanceOfSatisfying(DatabaseConnectionException.class, e -> {
                    assertThat(e.code()).isEqualTo(ConnectionErrorCode.INVALID_URL);
                    assertThat(e.prismaCode()).isEqualTo("P1013");
                    assertThat(e.getMessage()).startsWith("Invalid database URL: ").doesNotContain("hunter22");
                    assertThat(e.describe()).startsWith("P1013: Invalid database URL");
                });
    }
}
