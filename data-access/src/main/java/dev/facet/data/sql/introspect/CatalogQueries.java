package dev.facet.data.sql.introspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a catalog query with one parameter and returns its rows as text. */
final class CatalogQueries {
    private CatalogQueries() {}

    static List<String[]> rows(Connection c, String sql, String param, int width) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) row[i] = rs.getString(i + 1);
                    out.add(row);
                }
            }
        }
        return out;
    }
}
