package io.newsroom.news.embedded.admin.accounts;

import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.article.Role;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import org.apache.jackrabbit.util.Text;

/**
 * Where the admin accounts (user name to bcrypt hash, with the account's state and role) are kept: the
 * repository's {@code users} workspace in Magnolia's shape, shared by a cluster's nodes so an account made
 * or a password reset on one node signs in on all of them; the file of earlier versions is read once to
 * move its accounts in.
 */
public interface AccountStore {
    /** Every account: user name to bcrypt hash (empty when there is none yet). */
    Map<String, String> all() throws IOException;

    /** The hash of one account, read now (null when there is no such account). */
    String hash(String user) throws IOException;

    /** Replaces every account with {@code hashes}. */
    void replace(Map<String, String> hashes) throws IOException;

    /** Each account's email address, where one was given. */
    Map<String, String> emails() throws IOException;

    /** Sets the email address of an existing account. */
    void setEmail(String user, String email) throws IOException;

    /** {@code admin-accounts.properties} in {@code folder}, readable by the server's user only. */
    static AccountStore file(Path folder) {
        return new FileAccounts(folder.resolve(AdminAccounts.FILE));
    }

    /**
     * The {@code users} workspace, as Magnolia stores users: an {@code mgnl:user} node per account under
     * {@code /admin}, the bcrypt hash in {@code pswd}, {@code enabled}, and the role as a reference to an
     * {@code mgnl:role} node of the {@code userroles} workspace ({@link Role#magnoliaRole()}); shared by a
     * cluster's nodes. Accounts of an accounts file left by an earlier version are moved in on the first
     * start (the file is then removed: the repository holds them).
     */
    static AccountStore users(JcrSessions sessions, Path folder) throws IOException {
        UserNodes users = new UserNodes(sessions);
        Map<String, String> stored = users.all();
        Path file = folder.resolve(AdminAccounts.FILE);
        if (stored.isEmpty()) {
            Map<String, String> fromFile = file(folder).all();
            if (!fromFile.isEmpty()) {
                users.replace(fromFile);
            }
        } else {
            // Written again in the current shape (accounts kept before as plain nodes with marks in the hash).
            users.replace(stored);
        }
        Files.deleteIfExists(file);
        return users;
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

        /** The file of earlier versions kept no email addresses. */
        @Override
        public Map<String, String> emails() {
            return Map.of();
        }

        @Override
        public void setEmail(String user, String email) throws IOException {
            throw new IOException("The accounts file keeps no email addresses: " + file);
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

    /** Accounts as {@code mgnl:user} nodes of the {@code users} workspace. */
    final class UserNodes implements AccountStore {
        public static final String WORKSPACE = "users";
        public static final String ROLES_WORKSPACE = "userroles";
        private static final String FOLDER = "admin";
        private static final String HASH = "pswd";
        private static final String ENABLED = "enabled";
        /** Not Magnolia's: a temporary password that must be changed at the next sign-in. */
        private static final String MUST_CHANGE = "mustChangePassword";

        private static final String ROLES = "roles";
        private static final String EMAIL = "email";
        private final JcrSessions sessions;

        UserNodes(JcrSessions sessions) throws IOException {
            this.sessions = sessions;
            try {
                sessions.run(ROLES_WORKSPACE, session -> {
                    for (Role role : Role.values()) {
                        if (!session.getRootNode().hasNode(role.magnoliaRole())) {
                            session.getRootNode().addNode(role.magnoliaRole(), "mgnl:role");
                        }
                    }
                    session.save();
                    return null;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot prepare the user roles: " + e.getMessage(), e);
            }
        }

        @Override
        public Map<String, String> all() throws IOException {
            try {
                return sessions.run(WORKSPACE, session -> {
                    Map<String, Role> roles = roleIds();
                    Map<String, String> accounts = new LinkedHashMap<>();
                    if (session.nodeExists("/" + FOLDER)) {
                        for (NodeIterator users = session.getNode("/" + FOLDER).getNodes(); users.hasNext(); ) {
                            Node user = users.nextNode();
                            if (user.hasProperty(HASH)) {
                                accounts.put(Text.unescapeIllegalJcrChars(user.getName()), read(user, roles));
                            }
                        }
                    }
                    return accounts;
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
                            ? read(session.getNode(path), roleIds())
                            : null;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot read the admin account '" + user + "': " + e.getMessage(), e);
            }
        }

        /**
         * The account as {@link AdminAccounts} keeps it in memory (marks before the hash). An account kept before
         * the Magnolia shape has its marks in {@code pswd} itself and no role reference: read as it is.
         */
        private static String read(Node user, Map<String, Role> roles) throws RepositoryException {
            String hash = user.getProperty(HASH).getString();
            if (!user.isNodeType("mgnl:user")) {
                return hash;
            }
            boolean disabled =
                    user.hasProperty(ENABLED) && !user.getProperty(ENABLED).getBoolean();
            boolean mustChange = user.hasProperty(MUST_CHANGE)
                    && user.getProperty(MUST_CHANGE).getBoolean();
            Role role = null;
            if (user.hasNode(ROLES)) {
                for (PropertyIterator refs = user.getNode(ROLES).getProperties(); refs.hasNext(); ) {
                    Property ref = refs.nextProperty();
                    if (!ref.getName().contains(":") && roles.containsKey(ref.getString())) {
                        Role found = roles.get(ref.getString());
                        role = role == null || found.ordinal() > role.ordinal() ? found : role;
                    }
                }
            }
            // No role of the module's: the least one (a Magnolia user given only other roles may write drafts).
            return AdminAccounts.compose(disabled, mustChange, role == null ? Role.REPORTER : role, hash);
        }

        @Override
        public Map<String, String> emails() throws IOException {
            try {
                return sessions.run(WORKSPACE, session -> {
                    Map<String, String> emails = new LinkedHashMap<>();
                    if (session.nodeExists("/" + FOLDER)) {
                        for (NodeIterator users = session.getNode("/" + FOLDER).getNodes(); users.hasNext(); ) {
                            Node user = users.nextNode();
                            if (user.hasProperty(EMAIL)) {
                                emails.put(
                                        Text.unescapeIllegalJcrChars(user.getName()),
                                        user.getProperty(EMAIL).getString());
                            }
                        }
                    }
                    return emails;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot read the admin accounts: " + e.getMessage(), e);
            }
        }

        @Override
        public void setEmail(String user, String email) throws IOException {
            try {
                sessions.run(WORKSPACE, session -> {
                    session.getNode("/" + FOLDER + "/" + Text.escapeIllegalJcrChars(user))
                            .setProperty(EMAIL, email);
                    session.save();
                    return null;
                });
            } catch (RepositoryException e) {
                throw new IOException("Cannot store the email of '" + user + "': " + e.getMessage(), e);
            }
        }

        /** Role node identifiers to the module's roles. */
        private Map<String, Role> roleIds() throws RepositoryException {
            return sessions.run(ROLES_WORKSPACE, session -> {
                Map<String, Role> ids = new HashMap<>();
                for (Role role : Role.values()) {
                    if (session.getRootNode().hasNode(role.magnoliaRole())) {
                        ids.put(
                                session.getRootNode()
                                        .getNode(role.magnoliaRole())
                                        .getIdentifier(),
                                role);
                    }
                }
                return ids;
            });
        }

        @Override
        public void replace(Map<String, String> accounts) throws IOException {
            try {
                Map<Role, String> roleIds = new EnumMap<>(Role.class);
                roleIds().forEach((id, role) -> roleIds.put(role, id));
                sessions.run(WORKSPACE, session -> {
                    Node folder = session.nodeExists("/" + FOLDER)
                            ? session.getNode("/" + FOLDER)
                            : session.getRootNode().addNode(FOLDER, "nt:folder"); // no same-name siblings
                    for (NodeIterator users = folder.getNodes(); users.hasNext(); ) {
                        Node user = users.nextNode();
                        if (!accounts.containsKey(Text.unescapeIllegalJcrChars(user.getName()))) {
                            user.remove();
                        }
                    }
                    for (Map.Entry<String, String> account : accounts.entrySet()) {
                        String name = Text.escapeIllegalJcrChars(account.getKey());
                        Node user = folder.hasNode(name) ? folder.getNode(name) : folder.addNode(name, "mgnl:user");
                        if (!user.isNodeType("mgnl:user")) {
                            user.setPrimaryType("mgnl:user"); // kept as a plain node by an earlier version
                        }
                        String stored = account.getValue();
                        user.setProperty("name", account.getKey());
                        user.setProperty(HASH, AdminAccounts.bare(stored));
                        user.setProperty(ENABLED, !AdminAccounts.marked(stored, AdminAccounts.DISABLED_MARK));
                        user.setProperty(MUST_CHANGE, AdminAccounts.marked(stored, AdminAccounts.MUST_CHANGE_MARK));
                        Node roles =
                                user.hasNode(ROLES) ? user.getNode(ROLES) : user.addNode(ROLES, "mgnl:contentNode");
                        for (PropertyIterator refs = roles.getProperties(); refs.hasNext(); ) {
                            Property ref = refs.nextProperty();
                            if (!ref.getName().contains(":")) {
                                ref.remove();
                            }
                        }
                        roles.setProperty("0", roleIds.get(AdminAccounts.roleOf(stored)));
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
