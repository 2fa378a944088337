package io.newsroom.news.embedded.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * How a node joins a cluster: the PostgreSQL database every node shares ({@code --cluster-db
 * jdbc:postgresql://...}, its user and password) and this node's id, which must stay the same across
 * restarts (the journal remembers how far each node has read): {@code --cluster-node-id}, or one made
 * on the first start and kept in the data folder ({@code cluster-node-id}).
 */
public record ClusterSettings(String url, String user, String password, String nodeId) {
    private static final String NODE_ID_FILE = "cluster-node-id";

    public ClusterSettings {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--cluster-db must be a PostgreSQL JDBC address such as "
                    + "jdbc:postgresql://127.0.0.1:5432/news, not '" + url + "'");
        }
        if (nodeId != null && !nodeId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "--cluster-node-id takes letters, digits, '.', '_' and '-' (at most 64), not '" + nodeId + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** These settings with this node's id: the one given, else the one kept in {@code dataFolder} (made once). */
    public ClusterSettings withNodeIdIn(Path dataFolder) throws IOException {
        if (nodeId != null) {
            return this;
        }
        Path file = dataFolder.resolve(NODE_ID_FILE);
        if (Files.exists(file)) {
            return new ClusterSettings(
                    url, user, password, Files.readString(file).strip());
        }
        String made = "node-" + UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(dataFolder);
        Files.writeString(file, made + "\n");
        return new ClusterSettings(url, user, password, made);
    }

    @Override
    public String toString() {
        // The password never reaches a log line.
        return "ClusterSettings[" + url + ", user " + user + ", node " + nodeId + "]";
    }
}
