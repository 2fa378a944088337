package io.newsroom.news.embedded.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster nodes start one at a time: a PostgreSQL advisory lock held from before the repository
 * starts until its workspaces and node types are in place. Two nodes started at once on an empty
 * database would otherwise both create its tables, workspaces and node types; the second one now
 * waits, then finds them all made. PostgreSQL lets the lock go with the connection, so a node that
 * dies while starting never blocks the others.
 */
public final class ClusterStartLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStartLock.class);
    /** The lock's key: any number, the same on every node ("news" in ASCII). */
    private static final long KEY = 0x6e657773L;

    private final Connection connection;

    private ClusterStartLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock, waiting while another node starts. */
    public static ClusterStartLock take(ClusterSettings settings) throws RepositoryException {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                LOG.info("Another cluster node is starting on {}: waiting for it to finish", settings.url());
                call(connection, "SELECT pg_advisory_lock(?)");
            }
            return new ClusterStartLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new RepositoryException(
                    "Cannot reach the cluster database " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Object value = result.getObject(1);
                return !(value instanceof Boolean taken) || taken;
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(connection); // the session's advisory locks go with it
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the start lock's connection: {}", e.toString());
        }
    }
}
