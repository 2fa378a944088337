package io.newsroom.news.embedded.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A new, empty database on the machine's PostgreSQL for one test class's cluster, dropped when
 * closed. Without PostgreSQL the tests are skipped with a message; under CI they fail.
 */
public final class ClusterDatabase implements AutoCloseable {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    final String name;
    public final String user;

    private ClusterDatabase(String name, String user) {
        this.name = name;
        this.user = user;
    }

    public static ClusterDatabase create() throws SQLException {
        String user = reachableUser();
        ClusterDatabase database = new ClusterDatabase(
                "news_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), user);
        database.admin("CREATE DATABASE " + database.name);
        return database;
    }

    /** Another empty database beside this one (dropped with it), e.g. to restore a backup into. */
    ClusterDatabase sibling() throws SQLException {
        ClusterDatabase other = new ClusterDatabase(name + "_b", user);
        admin("CREATE DATABASE " + other.name);
        return other;
    }

    public String url() {
        return SERVER + name;
    }

    public ClusterSettings settings(String nodeId) {
        return new ClusterSettings(url(), user, "", nodeId);
    }

    /** The first column of the first row of {@code query} in this database. */
    long number(String query) throws SQLException {
        try (Connection db = DriverManager.getConnection(url(), user, "");
                Statement sql = db.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** postgres or root, whichever this machine's PostgreSQL lets in; skipped (or failed under CI) when none. */
    private static String reachableUser() {
        for (String candidate : new String[] {"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(SERVER + "test", candidate, "")) {
                return candidate;
            } catch (SQLException e) {
                // the next one
            }
        }
        String missing = "The cluster tests need PostgreSQL on 127.0.0.1:5432 (trust authentication, database test, "
                + "user postgres or root); .ci/run starts the machine's";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing);
        }
        Assumptions.abort(missing);
        return null;
    }

    private void admin(String statement) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "test", user, "");
                Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + "_b WITH (FORCE)");
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
