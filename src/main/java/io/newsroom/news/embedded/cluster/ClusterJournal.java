package io.newsroom.news.embedded.cluster;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.jcr.RepositoryException;

/**
 * The journal a cluster's nodes share (Jackrabbit's {@code DatabaseJournal}, tables prefixed
 * {@code journal_} by {@code repository-cluster.xml}), as a node that joins sees it.
 */
public final class ClusterJournal {
    /** Where Jackrabbit reads a node's first revision when the journal has none for it yet. */
    static final String REVISION_FILE = "revision.log";

    private ClusterJournal() {}

    /**
     * A node with a new data folder starts reading the journal at its head. Everything it needs is
     * already in the database (content, namespaces, node types, workspace configurations) and it
     * builds its search indexes from the content; replaying the journal from its first record would
     * re-apply registrations it already has (Jackrabbit logs each one as an error) and, once the
     * janitor has trimmed the journal, could not be complete anyway. Jackrabbit reads this file only
     * for a node id it has no revision for, so a known node always resumes where it stopped.
     */
    public static void startNewNodeAtHead(Path dataFolder, ClusterSettings settings) throws RepositoryException {
        if (Files.exists(dataFolder.resolve("workspaces"))) {
            return;
        }
        long head = head(settings);
        try (OutputStream file = Files.newOutputStream(dataFolder.resolve(REVISION_FILE));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeLong(head); // the format of Jackrabbit's FileRevision: one big-endian long
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot write " + dataFolder.resolve(REVISION_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The newest revision in the journal; 0 for a database no node has started on yet. */
    static long head(ClusterSettings settings) throws RepositoryException {
        try (Connection db = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement sql = db.createStatement()) {
            try (ResultSet tables = db.getMetaData().getTables(null, null, "journal_global_revision", null)) {
                if (!tables.next()) {
                    return 0;
                }
            }
            try (ResultSet revision = sql.executeQuery("SELECT revision_id FROM journal_global_revision")) {
                return revision.next() ? revision.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new RepositoryException(
                    "Cannot read the cluster journal at " + settings.url() + ": " + e.getMessage(), e);
        }
    }
}
