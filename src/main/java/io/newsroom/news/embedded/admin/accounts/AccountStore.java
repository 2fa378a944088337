package io.newsroom.news.embedded.admin.accounts;

import io.newsroom.news.article.JcrSessions;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import org.apache.jackrabbit.util.Text;

/**
 * Where the admin accounts (user name to bcrypt hash) are kept: a file in the data folder for one
 * instance, or the repository every node of a cluster shares, so an account made or a password reset
 * on one node signs in on all of them.
 */
public interface AccountStore {
    /** Every account: user name to bcrypt hash (empty when there is none yet). */
    Map<String, String> all() throws IOException;

    /** The hash of one account, read now (null when there is no such account). */
    String hash(String user) throws IOException;

    /** Replaces every account with {@code hashes}. */
    void replace(Map<String, String> hashes) throws IOException;

    /** {@code admin-accounts.properties} in {@code folder}, readable by the server's user only. */
    static AccountStore file(Path folder) {
        return new FileAccounts(folder.resolve(AdminAccounts.FILE));
    }

    /**
     * The {@code users} workspace of a cluster's shared repository, at the path and property Magnolia uses
     * for users (but plain {@code mgnl:contentNode}s, not Magnolia's {@code mgnl:user}): one node
     * per account under {@code /admin} with the hash in {@code pswd}. A node that already had an accounts
     * file brings its accounts into an empty shared store on its first start in the cluster.
     */
    static AccountStore shared(JcrSessions sessions, Path folder) throws IOException {
        SharedAccounts shared = new SharedAccounts(sessions);
        if (shared.all().isEmpty()) {
            Map<String, String> fromFile = file(folder).all();
            if (!fromFile.isEmpty()) {
                shared.replace(fromFile);
            }
        }
        return shared;
    }

    /** The file of one instance. */
    final class FileAccounts implements AccountStore {
        private final Path file;

        FileAccounts(Path file) {
            this.file = file;
        }

        /** Every account; a file found with looser permissions is tightened (0600) on the way. */
        @Override
        public Map<String, String> all() throws IOException {
            Map<String, String> hashes = read();
            if (Files.exists(file)) {
                restrict(file);
            }
            return hashes;
        }

        @Override
        public String hash(String user) throws IOException {
            return read().get(user);
        }

        private Map<String, String> read() throws IOException {
            Map<String, String> hashes = new LinkedHashMap<>();
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
                stored.forEach((user, hash) -> hashes.put(String.valueOf(user), String.valueOf(hash)));
            }
            return hashes;
        }

        @Override
        public void replace(Map<String, String> hashes) throws IOException {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            restrict(file);
            Properties out = new Properties();
            out.putAll(hashes);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.store(writer, "Magnolia News admin accounts: user name = bcrypt hash");
            }
        }

        /** Readable and writable by the server's own user only (0600), where the file system knows permissions. */
        private static void restrict(Path file) throws IOException {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own access rules apply
            }
        }
    }

    /** The accounts every node of a cluster shares. */
    final class SharedAccounts implements AccountStore {
        public static final String WORKSPACE = "users";
        private static final String FOLDER = "admin";
        private static final String HASH = "pswd";
        private final JcrSessions sessions;

        SharedAccounts(JcrSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Map<String, String> all() throws IOException {
            try {
                return sessions.run(WORKSPACE, session -> {
                    Map<String, String> hashes = new LinkedHashMap<>();
                    if (session.nodeExists("/" + FOLDER)) {
                        for (NodeIterator users = session.getNode("/" + FOLDER).getNodes(); users.hasNext(); ) {
                            Node user = users.nextNode();
                            if (user.hasProperty(HASH)) {
                                hashes.put(
                                        Text.unescapeIllegalJcrChars(user.getName()),
                                        user.getProperty(HASH).getString());
                            }
                        }
                    }
                    return hashes;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot read the admin accounts: " + e.getMessage(), e);
            }
        }

        @Override
        public String hash(String user) throws IOException {
            if (user.isEmpty()) {
                return null;
            }
            try {
                return sessions.run(WORKSPACE, session -> {
                    String path = "/" + FOLDER + "/" + Text.escapeIllegalJcrChars(user);
                    return session.nodeExists(path) && session.getNode(path).hasProperty(HASH)
                            ? session.getNode(path).getProperty(HASH).getString()
                            : null;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot read the admin account '" + user + "': " + e.getMessage(), e);
            }
        }

        @Override
        public void replace(Map<String, String> hashes) throws IOException {
            try {
                sessions.run(WORKSPACE, session -> {
                    Node folder = session.nodeExists("/" + FOLDER)
                            ? session.getNode("/" + FOLDER)
                            : session.getRootNode().addNode(FOLDER, "nt:folder"); // no same-name siblings
                    for (NodeIterator users = folder.getNodes(); users.hasNext(); ) {
                        Node user = users.nextNode();
                        if (!hashes.containsKey(Text.unescapeIllegalJcrChars(user.getName()))) {
                            user.remove();
                        }
                    }
                    for (Map.Entry<String, String> account : hashes.entrySet()) {
                        String name = Text.escapeIllegalJcrChars(account.getKey());
                        Node user =
                                folder.hasNode(name) ? folder.getNode(name) : folder.addNode(name, "mgnl:contentNode");
                        user.setProperty(HASH, account.getValue());
                    }
                    session.save();
                    return null;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot store the admin accounts: " + e.getMessage(), e);
            }
        }
    }
}
