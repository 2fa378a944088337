package io.newsroom.news.embedded.repository;

import io.newsroom.news.article.ChangeObservation;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.definitions.ContentTypeDefinition;
import io.newsroom.news.definitions.ContentTypeNodeTypes;
import io.newsroom.news.embedded.cluster.ClusterJournal;
import io.newsroom.news.embedded.cluster.ClusterSettings;
import io.newsroom.news.embedded.cluster.ClusterStartLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.SimpleCredentials;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventListener;
import org.apache.jackrabbit.api.JackrabbitWorkspace;
import org.apache.jackrabbit.core.RepositoryImpl;
import org.apache.jackrabbit.core.config.ConfigurationException;
import org.apache.jackrabbit.core.config.RepositoryConfig;
import org.apache.jackrabbit.core.config.RepositoryConfigurationParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

/**
 * The embedded Jackrabbit 2 repository: on disk in a data folder (Derby, a second start finds
 * what the first saved) or entirely in memory for tests. Registers Magnolia's node types from the
 * project's CND and each content type's namespace, node type and workspace, like Magnolia's
 * {@code autoCreate}.
 */
public final class EmbeddedRepository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRepository.class);
    private static final SimpleCredentials ADMIN = new SimpleCredentials("admin", "admin".toCharArray());

    private final RepositoryImpl repository;
    private final Path home;
    private final boolean inMemory;
    /** The suffix of this kind of repository's workspace templates: {@code -memory.xml}, {@code -persistent.xml}, {@code -cluster.xml}. */
    private final String templateSuffix;

    private EmbeddedRepository(RepositoryImpl repository, Path home, boolean inMemory, String templateSuffix) {
        this.repository = repository;
        this.home = home;
        this.inMemory = inMemory;
        this.templateSuffix = templateSuffix;
    }

    /** A repository kept in {@code dataFolder}, created there on first use. */
    public static EmbeddedRepository persistent(Path dataFolder) throws RepositoryException {
        createDataFolder(dataFolder);
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty(
                    "derby.stream.error.file", dataFolder.resolve("derby.log").toString());
        }
        try {
            SearchIndexUpgrade.apply(dataFolder.resolve("workspaces").resolve("news"));
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot prepare the search index of " + dataFolder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        EmbeddedRepository started = start(
                "repository-persistent.xml", dataFolder.toAbsolutePath(), new Properties(), "-persistent.xml", false);
        markSearchIndex(dataFolder);
        return started;
    }

    /** The search index of a {@code news} workspace made on this start is the current analyzer's. */
    private static void markSearchIndex(Path dataFolder) {
        try {
            SearchIndexUpgrade.markNew(dataFolder.resolve("workspaces").resolve("news"));
        } catch (IOException e) {
            LOG.warn("Cannot mark the search index of {}: {}", dataFolder, e.toString());
        }
    }

    /**
     * A node of a cluster: content, versions and binaries in the shared PostgreSQL database, this
     * node's file system and indexes in {@code dataFolder}. Nodes of this runtime start one at a time
     * ({@link ClusterStartLock}); a start that still fails (the database briefly away) is tried again
     * after a pause, five times.
     */
    public static EmbeddedRepository cluster(Path dataFolder, ClusterSettings settings) throws RepositoryException {
        return cluster(dataFolder, settings, Duration.ofSeconds(1));
    }

    /**
     * A cluster node that reads the others' changes every {@code syncDelay} (and whenever it saves or a
     * session refreshes); tests lengthen it to decide exactly when a node has seen another's writes.
     */
    public static EmbeddedRepository cluster(Path dataFolder, ClusterSettings settings, Duration syncDelay)
            throws RepositoryException {
        createDataFolder(dataFolder);
        Properties variables = new Properties();
        variables.setProperty("cluster.url", settings.url());
        variables.setProperty("cluster.user", settings.user());
        variables.setProperty("cluster.password", settings.password());
        variables.setProperty("cluster.id", settings.nodeId());
        variables.setProperty("cluster.syncDelay", Long.toString(syncDelay.toMillis()));
        ClusterJournal.startNewNodeAtHead(dataFolder, settings);
        try {
            SearchIndexUpgrade.apply(dataFolder.resolve("workspaces").resolve("news"));
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot prepare the search index of " + dataFolder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        RepositoryException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                EmbeddedRepository embedded =
                        start("repository-cluster.xml", dataFolder.toAbsolutePath(), variables, "-cluster.xml", false);
                LOG.info("Cluster node {} joined {}", settings.nodeId(), settings.url());
                markSearchIndex(dataFolder);
                return embedded;
            } catch (UnreadableConfiguration e) {
                throw e; // trying again changes nothing
            } catch (RepositoryException e) {
                last = e;
                LOG.warn(
                        "Cluster node {} could not start (attempt {} of 5): {}",
                        settings.nodeId(),
                        attempt,
                        e.toString());
                try {
                    Thread.sleep(1000L * attempt + new Random().nextInt(1000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /** A repository that lives in memory only and is gone after {@link #close()}. */
    public static EmbeddedRepository inMemory() throws RepositoryException {
        try {
            // Jackrabbit still wants a home folder for its lock file.
            return start(
                    "repository-memory.xml",
                    Files.createTempDirectory("news-repo-"),
                    new Properties(),
                    "-memory.xml",
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data folder holds the accounts, the journal, the preview secret and the indexes: the server's user only (0700). */
    private static void createDataFolder(Path dataFolder) throws RepositoryException {
        try {
            Files.createDirectories(dataFolder);
            try {
                Files.setPosixFilePermissions(dataFolder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system's own access rules apply
            }
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot create the data folder " + dataFolder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts Jackrabbit from one of the configurations beside this class, with {@code home} as
     * {@code rep.home} and {@code variables} for the rest; registers Magnolia's node types.
     */
    private static EmbeddedRepository start(
            String config, Path home, Properties variables, String templateSuffix, boolean inMemory)
            throws RepositoryException {
        Properties withHome = new Properties(System.getProperties());
        withHome.putAll(variables);
        withHome.setProperty(RepositoryConfigurationParser.REPOSITORY_HOME_VARIABLE, home.toString());
        try (InputStream xml = EmbeddedRepository.class.getResourceAsStream(config)) {
            RepositoryConfig repositoryConfig = RepositoryConfig.create(new InputSource(xml), withHome);
            EmbeddedRepository embedded =
                    new EmbeddedRepository(RepositoryImpl.create(repositoryConfig), home, inMemory, templateSuffix);
            embedded.registerMagnoliaNodeTypes();
            return embedded;
        } catch (IOException e) {
            throw new UnreadableConfiguration("Cannot read " + config + ": " + e.getMessage(), e);
        } catch (ConfigurationException e) {
            throw new UnreadableConfiguration("Bad repository configuration " + config + ": " + e.getMessage(), e);
        }
    }

    /** The configuration itself could not be read: a start that is not worth trying again. */
    private static final class UnreadableConfiguration extends RepositoryException {
        UnreadableConfiguration(String message, Exception cause) {
            super(message, cause);
        }
    }

    /** The JCR repository itself, for code that logs in on its own terms. */
    public Repository jcrRepository() {
        return repository;
    }

    public boolean isInMemory() {
        return inMemory;
    }

    public Path home() {
        return home;
    }

    /** Units of work for the article code: each gets a session of its own, logged out after it. */
    public JcrSessions sessions() {
        return new JcrSessions() {
            @Override
            public <T> T run(String workspace, Work<T> work) throws RepositoryException {
                Session session = login(workspace);
                try {
                    return work.run(session);
                } finally {
                    session.logout();
                }
            }
        };
    }

    /**
     * Change listeners, each on a session of its own that lives as long as the registration (JCR
     * delivers events to the listeners of a live session).
     */
    public ChangeObservation observation() {
        return (workspace, onChange) -> {
            Session session = login(workspace);
            EventListener listener = events -> onChange.accept(ChangeObservation.identifiers(events));
            try {
                session.getWorkspace()
                        .getObservationManager()
                        .addEventListener(listener, ALL_CHANGES, "/", true, null, null, false);
            } catch (RepositoryException | RuntimeException e) {
                session.logout();
                throw e;
            }
            return () -> {
                try {
                    session.getWorkspace().getObservationManager().removeEventListener(listener);
                } catch (RepositoryException e) {
                    LOG.debug("Removing a change listener: {}", e.toString());
                } finally {
                    session.logout();
                }
            };
        };
    }

    private static final int ALL_CHANGES = Event.NODE_ADDED
            | Event.NODE_REMOVED
            | Event.NODE_MOVED
            | Event.PROPERTY_ADDED
            | Event.PROPERTY_CHANGED
            | Event.PROPERTY_REMOVED;

    public Session login(String workspace) throws RepositoryException {
        return repository.login(ADMIN, workspace);
    }

    /** Namespaces, node type and workspace of a content type, as Magnolia's autoCreate makes them. */
    public void register(ContentTypeDefinition contentType) throws RepositoryException {
        Session session = repository.login(ADMIN);
        try {
            ContentTypeNodeTypes.register(session, contentType);
        } finally {
            session.logout();
        }
        ensureWorkspace(contentType.workspace());
    }

    public void ensureWorkspace(String name) throws RepositoryException {
        ensureWorkspace(name, null);
    }

    /**
     * Creates the workspace if it does not exist yet, from {@code template} (a workspace
     * configuration beside this class, {@code -memory.xml} or {@code -persistent.xml} as this
     * repository is) or, when null, the repository's default workspace configuration.
     */
    public void ensureWorkspace(String name, String template) throws RepositoryException {
        Session session = repository.login(ADMIN);
        try {
            if (Arrays.asList(session.getWorkspace().getAccessibleWorkspaceNames())
                    .contains(name)) {
                return;
            }
            JackrabbitWorkspace workspace = (JackrabbitWorkspace) session.getWorkspace();
            if (template == null) {
                workspace.createWorkspace(name);
            } else {
                String file = template + templateSuffix;
                try (InputStream in = EmbeddedRepository.class.getResourceAsStream(file)) {
                    workspace.createWorkspace(name, new InputSource(in));
                } catch (IOException e) {
                    throw new RepositoryException("Cannot read " + file, e);
                }
            }
            LOG.info("Created workspace {}", name);
        } finally {
            session.logout();
        }
    }

    /**
     * Magnolia's core node types, re-registered on every start so a repository made by an older
     * version gets the current definitions (0.1 forbade same-name siblings where Magnolia allows them).
     */
    private void registerMagnoliaNodeTypes() throws RepositoryException {
        String cnd;
        try (InputStream in = EmbeddedRepository.class.getResourceAsStream("magnolia-nodetypes.cnd")) {
            cnd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RepositoryException("Cannot read magnolia-nodetypes.cnd", e);
        }
        Session session = repository.login(ADMIN);
        try {
            for (String kept : ContentTypeNodeTypes.reregisterCnd(session, cnd, "magnolia-nodetypes.cnd")) {
                LOG.warn(
                        "Node type {} keeps the definition this repository was made with (the current one cannot replace "
                                + "it in place); everything works with it. For the current definitions, export and import into a "
                                + "new data folder (--export, --import).",
                        kept);
            }
        } finally {
            session.logout();
        }
    }

    @Override
    public void close() {
        repository.shutdown();
        if (inMemory) {
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not remove {}", folder, e);
        }
    }
}
