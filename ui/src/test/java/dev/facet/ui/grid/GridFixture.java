package dev.facet.ui.grid;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.model.Provider;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A shop database on SQLite for grid tests: the demo schema (every relation kind, enums, Json, Decimal,
 * BigInt, DateTime, Bytes) plus a model with an Unsupported field, pushed as {@code facet push} does, seeded rows, and a
 * switch that makes the database unreachable.
 */
final class GridFixture implements AutoCloseable {
    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
              url      = "file:./grid.db"
            }

            enum Role {
              CUSTOMER
              STAFF
              ADMIN
            }

            enum OrderStatus {
              PENDING
              PAID
              SHIPPED
              DELIVERED
              CANCELLED
            }

            model Customer {
              id         Int       @id @default(autoincrement())
              /// Where order mails go; one customer per address
              email      String    @unique
              name       String
              role       Role      @default(CUSTOMER)
              points     BigInt    @default(0)
              birthday   DateTime?
              avatar     Bytes?
              createdAt  DateTime  @default(now())
              updatedAt  DateTime  @updatedAt
              address    Address?
              orders     Order[]
              reviews    Review[]
              referrerId Int?
              referrer   Customer? @relation("Referrals", fields: [referrerId], references: [id], onDelete: SetNull)
              referrals  Customer[] @relation("Referrals")
            }

            model Address {
              id         Int      @id @default(autoincrement())
              street     String
              city       String
              postalCode String
              country    String   @default("NL")
              customerId Int      @unique
              customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade)
            }

            model Category {
              id       Int       @id @default(autoincrement())
              name     String    @unique
              products Product[]
            }

            model Product {
              id          Int         @id @default(autoincrement())
              sku         String      @unique @default(cuid())
              name        String
              description String?
              price       Decimal
              stock       Int         @default(0)
              active      Boolean     @default(true)
              attributes  Json?
              categories  Category[]
              orderLines  OrderLine[]
              reviews     Review[]
            }

            model Order {
              id         Int         @id @default(autoincrement())
              number     String      @unique
              status     OrderStatus @default(PENDING)
              placedAt   DateTime    @default(now())
              note       String?
              customerId Int
              customer   Customer    @relation(fields: [customerId], references: [id], onDelete: Restrict)
              lines      OrderLine[]

              @@index([customerId])
            }

            model OrderLine {
              orderId   Int
              productId Int
              quantity  Int
              unitPrice Decimal
              order     Order   @relation(fields: [orderId], references: [id], onDelete: Cascade)
              product   Product @relation(fields: [productId], references: [id], onDelete: Restrict)

              @@id([orderId, productId])
              @@index([productId])
            }

            model Review {
              id         Int      @id @default(autoincrement())
              rating     Int
              title      String
              body       String?
              createdAt  DateTime @default(now())
              productId  Int
              customerId Int
              product    Product  @relation(fields: [productId], references: [id], onDelete: Cascade)
              customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade)

              @@unique([productId, customerId])
            }

            """;

    /** A model with a field Prisma Client cannot read (the type only exists on SQLite, which takes any type name). */
    static final String PLACE = """
            model Place {
              id    Int                    @id @default(autoincrement())
              name  String
              shape Unsupported("circle")?
            }
            """;

    /** Scalar lists, which only PostgreSQL (of the SQL databases) has. */
    static final String TAGGED = """
            model Tagged {
              id    Int      @id @default(autoincrement())
              tags  String[]
              sizes Int[]
            }
            """;

    /** @return the shop schema for a provider ({@code sqlite} adds {@link #PLACE}, {@code postgresql} {@link #TAGGED}) */
    static String schema(String provider) {
        return SCHEMA.replace("%PROVIDER%", provider) + switch (provider) {
            case "sqlite" -> PLACE;
            case "postgresql" -> TAGGED;
            default -> "";
        };
    }

    static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Linus", "Radia", "Ken"};
    static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Torvalds", "Perlman", "Thompson"};

    final Path file;
    final Schema schema;
    final SwitchableDataSource dataSource;
    final QueryEngine engine;
    final Project project;

    /**
     * @param dir       where the database file goes
     * @param customers how many customers to seed (the first 40 have orders, reviews and addresses)
     */
    GridFixture(Path dir, int customers) throws SQLException {
        this.file = dir.resolve("grid.db");
        this.schema = SchemaLoader.load(new SourceFile("schema.prisma", schema("sqlite"))).schema().orElseThrow();
        String url = "jdbc:sqlite:" + file;
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl(url);
        sqlite.setEnforceForeignKeys(true);
        SchemaPusher.push(schema, sqlite, Provider.SQLITE, null);
        try (Connection c = DriverManager.getConnection(url)) {
            seed(c, customers);
        }
        this.dataSource = new SwitchableDataSource(sqlite);
        this.engine = new QueryEngine(schema, new SqlConnector(schema, dataSource, null, null));
        this.project = new Project(dir.resolve("schema.prisma"), schema, engine, "file:./grid.db");
    }

    Model model(String name) { return schema.model(name); }

    /** Runs SQL on the database directly, as "someone else" would. */
    void sql(String statement, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }

    /** Reads one value with SQL. */
    Object query(String statement, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private static void seed(Connection c, int customers) throws SQLException {
        c.setAutoCommit(false);
        String[] categories = {"Books", "Games", "Garden", "Kitchen", "Toys"};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Category\" (name) VALUES (?)")) {
            for (String n : categories) {
                ps.setString(1, n);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String[] products = {"Teapot", "Chess set", "Garden hose", "Novel", "Kite", "Puzzle", "Cookbook", "Rake", "Mug", "Yo-yo",
                "Lantern", "Atlas", "Spade", "Kettle", "Marbles", "Poster", "Whisk", "Trowel", "Dice", "Globe"};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Product\" (sku, name, description, price, stock, active, attributes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < products.length; i++) {
                ps.setString(1, String.format("SKU-%04d", i + 1));
                ps.setString(2, products[i]);
                ps.setString(3, i % 3 == 0 ? null : "A fine " + products[i].toLowerCase() + (i % 4 == 0 ? "\nwith a second line" : ""));
                ps.setString(4, (i + 1) * 3 + ".99");
                ps.setInt(5, i * 7 % 50);
                ps.setInt(6, i % 5 == 4 ? 0 : 1);
                ps.setString(7, i % 2 == 0 ? "{\"colour\":\"" + (i % 4 == 0 ? "red" : "blue") + "\",\"weight\":" + (i + 1) * 100 + "}" : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"_CategoryToProduct\" (A, B) VALUES (?, ?)")) {
            for (int p = 1; p <= products.length; p++) {
                ps.setInt(1, p % categories.length + 1);
                ps.setInt(2, p);
                ps.addBatch();
                if (p % 3 == 0) {
                    ps.setInt(1, (p + 2) % categories.length + 1);
                    ps.setInt(2, p);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Customer\" (email, name, role, points, birthday, avatar, createdAt,"
                + " updatedAt, referrerId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String[] roles = {"CUSTOMER", "CUSTOMER", "CUSTOMER", "STAFF", "ADMIN"};
            for (int i = 1; i <= customers; i++) {
                String first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length];
                String last = LAST_NAMES[((i - 1) / FIRST_NAMES.length) % LAST_NAMES.length];
                ps.setString(1, (first + "." + last).toLowerCase() + i + "@example.com");
                ps.setString(2, first + " " + last);
                ps.setString(3, roles[i % roles.length]);
                ps.setLong(4, i == 3 ? 9_007_199_254_740_993L : (long) i * 125);
                ps.setString(5, i % 2 == 0 ? null : String.format("19%02d-%02d-%02dT00:00:00.000Z", 50 + i % 50, i % 12 + 1, i % 28 + 1));
                ps.setBytes(6, i % 4 == 1 ? new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) i} : null);
                ps.setString(7, String.format("2025-01-%02dT09:%02d:00.000Z", i % 28 + 1, i % 60));
                ps.setString(8, String.format("2025-02-%02dT10:%02d:30.000Z", i % 28 + 1, i % 60));
                if (i >= 2 && i <= 6) ps.setInt(9, 1);
                else ps.setObject(9, null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int withOrders = Math.min(40, customers);
        try (PreparedStatement address = c.prepareStatement("INSERT INTO \"Address\" (street, city, postalCode, country, customerId) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement order = c.prepareStatement("INSERT INTO \"Order\" (number, status, placedAt, note, customerId) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement line = c.prepareStatement("INSERT INTO \"OrderLine\" (orderId, productId, quantity, unitPrice) VALUES (?, ?, ?, ?)");
             PreparedStatement review = c.prepareStatement("INSERT INTO \"Review\" (rating, title, body, createdAt, productId, customerId) VALUES (?, ?, ?, ?, ?, ?)")) {
            String[] cities = {"Amsterdam", "Utrecht", "Leiden", "Delft", "Haarlem"};
            String[] statuses = {"PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"};
            int orderId = 0;
            for (int i = 1; i <= withOrders; i++) {
                if (i % 2 == 1) {
                    address.setString(1, i + " Canal Street");
                    address.setString(2, cities[i % cities.length]);
                    address.setString(3, String.format("%04d AB", 1000 + i));
                    address.setString(4, "NL");
                    address.setInt(5, i);
                    address.addBatch();
                }
                for (int k = 0; k < (i % 3) + 1; k++) {
                    orderId++;
                    order.setString(1, String.format("ORD-%05d", orderId));
                    order.setString(2, statuses[orderId % statuses.length]);
                    order.setString(3, String.format("2025-03-%02dT12:00:00.000Z", orderId % 28 + 1));
                    order.setString(4, orderId % 4 == 0 ? "Leave at the door" : null);
                    order.setInt(5, i);
                    order.addBatch();
                    for (int p = 0; p < 2; p++) {
                        line.setInt(1, orderId);
                        line.setInt(2, (orderId + p * 7) % 20 + 1);
                        line.setInt(3, p + 1);
                        line.setString(4, ((orderId + p * 7) % 20 + 1) * 3 + ".99");
                        line.addBatch();
                    }
                }
                if (i % 3 == 0) {
                    review.setInt(1, i % 5 + 1);
                    review.setString(2, "Review by customer " + i);
                    review.setString(3, null);
                    review.setString(4, "2025-04-01T08:00:00.000Z");
                    review.setInt(5, i % 20 + 1);
                    review.setInt(6, i);
                    review.addBatch();
                }
            }
            address.executeBatch();
            order.executeBatch();
            line.executeBatch();
            review.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"Place\" (name, shape) VALUES ('Dam Square', X'00')");
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @Override
    public void close() { engine.close(); }

    /** A navigator that records what it was asked to do. */
    static final class RecordingNavigator implements Navigator {
        record Opened(Model model, String where, boolean newTab) {}

        final List<Opened> opened = new ArrayList<>();
        int backs;
        int forwards;

        /** What the last open asked of the grid it opens (select a record, add a linked one, delete one), or null. */
        java.util.function.Consumer<ModelGridViewModel> then;

        @Override public void openModel(Model model, String whereJson, boolean newTab) { opened.add(new Opened(model, whereJson, newTab)); }

        @Override
        public void openModel(Model model, String whereJson, boolean newTab, java.util.function.Consumer<ModelGridViewModel> then) {
            openModel(model, whereJson, newTab);
            this.then = then;
        }

        @Override public void back() { backs++; }

        @Override public void forward() { forwards++; }

        Opened last() { return opened.getLast(); }
    }

    /** A data source that can be switched off, as a database server that went away. */
    static final class SwitchableDataSource implements DataSource {
        private final DataSource delegate;
        volatile boolean down;

        SwitchableDataSource(DataSource delegate) { this.delegate = delegate; }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) throw new SQLException("Connection refused: the database server is not running", "08001");
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException { return getConnection(); }

        @Override public PrintWriter getLogWriter() throws SQLException { return delegate.getLogWriter(); }

        @Override public void setLogWriter(PrintWriter out) throws SQLException { delegate.setLogWriter(out); }

        @Override public void setLoginTimeout(int seconds) throws SQLException { delegate.setLoginTimeout(seconds); }

        @Override public int getLoginTimeout() throws SQLException { return delegate.getLoginTimeout(); }

        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return delegate.getParentLogger(); }

        @Override public <T> T unwrap(Class<T> iface) throws SQLException { return delegate.unwrap(iface); }

        @Override public boolean isWrapperFor(Class<?> iface) throws SQLException { return delegate.isWrapperFor(iface); }
    }
}
