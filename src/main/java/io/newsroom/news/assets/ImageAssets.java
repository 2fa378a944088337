package io.newsroom.news.assets;

import io.newsroom.news.article.ArticleXPath;
import io.newsroom.news.article.JcrSessions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.jcr.Binary;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Article images kept as binaries in the repository ({@code dam} workspace, {@code nt:file} nodes
 * under {@code /news}), named by asset keys of Magnolia's form ({@code jcr:<id>}). Only JPEG, PNG
 * and WebP up to the upload limit (25 MB unless set) are taken, recognised by their first bytes, not by
 * the name they came with.
 */
public final class ImageAssets {
    public static final String WORKSPACE = "dam";
    /** Where Magnolia's DAM serves assets: {@code /dam/jcr:<id>/<name>}. */
    public static final String DAM_PATH = "/dam";

    /** The default largest upload: a phone's or camera's photo as it comes (a 4000x3000 JPEG is 3 to 12 MB). */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

    private static final String FOLDER = "news";
    /**
     * Where the Images screen's uploads go: kept whether or not an article uses them (an upload into
     * an article that is never saved, under {@link #FOLDER}, is removed after a day).
     */
    private static final String LIBRARY = "library";

    /** A stored image. */
    public record Image(String key, String fileName, String mimeType, byte[] data) {}

    /** An upload that was refused; {@code messageKey} explains why in the editor's language. */
    public static final class RefusedException extends Exception {
        private final String messageKey;

        public RefusedException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final JcrSessions sessions;
    private final Clock clock;
    private final long maxBytes;

    public ImageAssets(JcrSessions sessions) {
        this(sessions, Clock.systemUTC(), DEFAULT_MAX_BYTES);
    }

    public ImageAssets(JcrSessions sessions, Clock clock, long maxBytes) {
        this.sessions = sessions;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** The largest upload taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The MIME type the bytes really are, or empty when they are none of the accepted images. */
    public static Optional<String> sniff(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (data.length >= 8
                && (data[0] & 0xFF) == 0x89
                && data[1] == 'P'
                && data[2] == 'N'
                && data[3] == 'G'
                && data[4] == 0x0D
                && data[5] == 0x0A
                && data[6] == 0x1A
                && data[7] == 0x0A) {
            return Optional.of("image/png");
        }
        if (data.length >= 12
                && data[0] == 'R'
                && data[1] == 'I'
                && data[2] == 'F'
                && data[3] == 'F'
                && data[8] == 'W'
                && data[9] == 'E'
                && data[10] == 'B'
                && data[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** Stores an image uploaded into an article and returns its asset key. */
    public String store(byte[] data, String fileName) throws RefusedException, RepositoryException {
        return store(data, fileName, FOLDER);
    }

    /** Stores an image uploaded into the library (kept while nothing uses it) and returns its asset key. */
    public String storeInLibrary(byte[] data, String fileName) throws RefusedException, RepositoryException {
        return store(data, fileName, LIBRARY);
    }

    private String store(byte[] data, String fileName, String folderName) throws RefusedException, RepositoryException {
        if (data.length == 0) {
            throw new RefusedException("news.admin.image.empty");
        }
        if (data.length > maxBytes) {
            throw new RefusedException("news.admin.image.tooLarge");
        }
        String mime = sniff(data).orElseThrow(() -> new RefusedException("news.admin.image.type"));
        ImageCleaning.Cleaned kept;
        try {
            // Decoded once, without its metadata: a broken, truncated or huge image is refused here instead of
            // failing at every reader's request; what is kept is the pixels alone (no GPS, no camera, upright).
            kept = ImageCleaning.clean(data, mime);
        } catch (ImageCheck.Unreadable e) {
            throw new RefusedException(e.messageKey());
        }
        return sessions.run(WORKSPACE, session -> {
            Node root = session.getRootNode();
            Node folder = root.hasNode(folderName) ? root.getNode(folderName) : root.addNode(folderName, "nt:folder");
            Node file = folder.addNode(UUID.randomUUID().toString(), "nt:file");
            file.addMixin("mix:referenceable");
            file.addMixin("mix:title");
            file.setProperty("jcr:title", safeName(fileName));
            Node content = file.addNode("jcr:content", "nt:resource");
            Binary binary = session.getValueFactory().createBinary(new ByteArrayInputStream(kept.data()));
            content.setProperty("jcr:data", binary);
            content.setProperty("jcr:mimeType", kept.mimeType());
            Calendar uploaded = Calendar.getInstance();
            uploaded.setTimeInMillis(clock.millis());
            content.setProperty("jcr:lastModified", uploaded);
            session.save();
            return "jcr:" + file.getIdentifier();
        });
    }

    /** Says whether an asset key is still used by something. */
    @FunctionalInterface
    public interface Usage {
        boolean inUse(String key) throws RepositoryException;
    }

    /**
     * Removes uploaded images that nothing uses and that are older than {@code cutoff}: what an editor
     * uploaded into an article that was never saved. Returns how many were removed.
     */
    public int removeUnused(Instant cutoff, Usage usage) throws RepositoryException {
        return removeUnused(cutoff, usage, key -> {});
    }

    /** As {@link #removeUnused(java.time.Instant, Usage)}, telling {@code removed} each key that went. */
    public int removeUnused(Instant cutoff, Usage usage, Consumer<String> removed) throws RepositoryException {
        List<String> old = sessions.run(WORKSPACE, session -> {
            List<String> keys = new ArrayList<>();
            if (!session.getRootNode().hasNode(FOLDER)) {
                return keys;
            }
            for (NodeIterator it = session.getRootNode().getNode(FOLDER).getNodes(); it.hasNext(); ) {
                Node file = it.nextNode();
                // The upload's time, stamped with the runtime's clock when it was stored.
                if (file.isNodeType("nt:file")
                        && file.hasProperty("jcr:content/jcr:lastModified")
                        && file.getProperty("jcr:content/jcr:lastModified")
                                .getDate()
                                .toInstant()
                                .isBefore(cutoff)) {
                    keys.add("jcr:" + file.getIdentifier());
                }
            }
            return keys;
        });
        int count = 0;
        for (String key : old) {
            if (usage.inUse(key)) {
                continue;
            }
            int gone = sessions.run(WORKSPACE, session -> {
                Optional<Node> file = fileNode(session, key);
                if (file.isEmpty()) {
                    return 0;
                }
                file.get().remove();
                session.save();
                return 1;
            });
            if (gone > 0) {
                removed.accept(key);
            }
            count += gone;
        }
        return count;
    }

    /** The image an asset key names, if it is one of ours. */
    public Optional<Image> read(String key) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> file = fileNode(session, key);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Node content = file.get().getNode("jcr:content");
            try (InputStream in = content.getProperty("jcr:data").getBinary().getStream()) {
                return Optional.of(new Image(
                        key,
                        file.get().getProperty("jcr:title").getString(),
                        content.getProperty("jcr:mimeType").getString(),
                        in.readAllBytes()));
            } catch (IOException e) {
                throw new RepositoryException("Cannot read image " + key, e);
            }
        });
    }

    /** When the image an asset key names was stored (it changes only with a new upload); empty when there is none. */
    public Optional<Instant> uploaded(String key) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> file = fileNode(session, key);
            return file.isPresent() && file.get().hasProperty("jcr:content/jcr:lastModified")
                    ? Optional.of(file.get()
                            .getProperty("jcr:content/jcr:lastModified")
                            .getDate()
                            .toInstant())
                    : Optional.<Instant>empty();
        });
    }

    /** The file name of the image an asset key names, without reading the image; empty when there is none. */
    public Optional<String> fileName(String key) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> file = fileNode(session, key);
            return file.isPresent() && file.get().hasProperty("jcr:title")
                    ? Optional.of(file.get().getProperty("jcr:title").getString())
                    : Optional.<String>empty();
        });
    }

    /** A stored image as the library lists it: its key, file name and upload time. */
    public record Listed(String key, String fileName, Instant uploaded) {}

    /**
     * The stored images, newest first, whose file name contains {@code text} (any case; null or blank:
     * all), at most {@code limit}.
     */
    public List<Listed> list(String text, int limit) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            List<Listed> found = new ArrayList<>();
            String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            String filter = wanted.isEmpty()
                    ? ""
                    : "[jcr:like(fn:lower-case(@jcr:title), "
                            + ArticleXPath.stringLiteral("%" + ArticleXPath.escapeLike(wanted) + "%") + ")]";
            javax.jcr.query.Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery(
                            "/jcr:root//element(*, nt:file)" + filter + " order by @jcr:created descending", "xpath");
            query.setLimit(limit);
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node file = it.nextNode();
                found.add(new Listed(
                        "jcr:" + file.getIdentifier(),
                        file.hasProperty("jcr:title")
                                ? file.getProperty("jcr:title").getString()
                                : file.getName(),
                        file.hasProperty("jcr:content/jcr:lastModified")
                                ? file.getProperty("jcr:content/jcr:lastModified")
                                        .getDate()
                                        .toInstant()
                                : null));
            }
            return found;
        });
    }

    /** Deletes the image an asset key names; false when there was none. Callers check first that nothing uses it. */
    public boolean delete(String key) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> file = fileNode(session, key);
            if (file.isEmpty()) {
                return false;
            }
            file.get().remove();
            session.save();
            return true;
        });
    }

    /** The file node of an asset key ({@code jcr:<uuid>}); empty for anything else, a malformed id included. */
    private static Optional<Node> fileNode(Session session, String key) throws RepositoryException {
        if (key == null || !key.startsWith("jcr:")) {
            return Optional.empty();
        }
        try {
            Node file = session.getNodeByIdentifier(key.substring(4));
            return file.isNodeType("nt:file") ? Optional.of(file) : Optional.empty();
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (RepositoryException e) {
            // Jackrabbit refuses identifiers that are not UUIDs with a plain RepositoryException.
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String safeName(String name) {
        String base = name == null ? "image" : name.replaceAll("[^A-Za-z0-9._-]", "-");
        return base.isBlank() ? "image" : base;
    }
}
