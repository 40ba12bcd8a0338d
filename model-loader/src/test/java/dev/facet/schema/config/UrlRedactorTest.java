package dev.facet.schema.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "postgresql://user:secret@host/db => postgresql://user:****@host/db",
            "postgresql://user:secret@host:5432/db?schema=public => postgresql://user:****@host:5432/db?schema=public",
            "mysql://root:p@ss@localhost:3306/shop => mysql://root:****@localhost:3306/shop",
            "postgresql://user:pa/ss@host/db => postgresql://user:****@host/db",
            "mongodb+srv://app:s3cr3t@cluster0.example.net/app?retryWrites=true => mongodb+srv://app:****@cluster0.example.net/app?retryWrites=true",
            "mongodb://app:pw@h1:27017,h2:27017/app?replicaSet=rs0 => mongodb://app:****@h1:27017,h2:27017/app?replicaSet=rs0",
            "postgresql://:onlypassword@host/db => postgresql://:****@host/db",
            "sqlserver://localhost:1433;database=shop;user=sa;password=S3cret!;encrypt=true => sqlserver://localhost:1433;database=shop;user=sa;password=****;encrypt=true",
            "postgresql://host/db?user=app&password=secret&sslmode=require => postgresql://host/db?user=app&password=****&sslmode=require",
            "postgresql://host/db?sslpassword=secret => postgresql://host/db?sslpassword=****",
    })
    void masksPasswords(String url, String expected) {
        assertThat(UrlRedactor.redact(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://user@host/db",
            "postgresql://user:@host/db",
            "postgresql://host:5432/db",
            "postgresql://host:5432/db?application_name=a@b",
            "postgresql://[::1]:5432/db",
            "file:./dev.db",
            "file:/tmp/a:b@c.db",
            "not a url at all",
            "",
    })
    void leavesUrlsWithoutPasswordsAlone(String text) {
        assertThat(UrlRedactor.redact(text)).isEqualTo(text);
    }

    @Test
    void masksEveryUrlInsideText() {
        String text = "tried postgresql://a:one@h1/db and \"mysql://b:two@h2/db\", then gave up";
        assertThat(UrlRedactor.redact(text))
                .isEqualTo("tried postgresql://a:****@h1/db and \"mysql://b:****@h2/db\", then gave up");
    }

    @Test
    void findsTheUrlInsideAJdbcPrefix() {
        assertThat(UrlRedactor.redact("jdbc:postgresql://u:pw@h/db")).isEqualTo("jdbc:postgresql://u:****@h/db");
    }

    @Test
    void nullStaysNull() {
        assertThat(UrlRedactor.redact(null)).isNull();
    }
}
