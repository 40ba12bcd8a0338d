package dev.facet.data.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.sql.connect.SqlDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestServersSmokeTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void eachKindGivesAnEmptyDatabaseThatAnswers(DbKind kind) throws Exception {
        TestDatabase db = DBS.get(kind);
        SqlDatabase open = db.open();
        try (Connection c = open.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(DBS.get(kind)).isSameAs(db);
        assertThat(DBS.fresh(kind).name()).isNotEqualTo(db.name());
    }
}
