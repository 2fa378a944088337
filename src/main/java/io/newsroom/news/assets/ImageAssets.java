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
 * Images kept in the repository's {@code dam} workspace in Magnolia's DAM shape, so that an export
 * imports into Magnolia's Assets app: an {@code mgnl:asset} node (its {@code name}, and the details
 * editors give it: {@code description} as the alt text, {@code caption}, {@code copyright} as the
 * credit) with an {@code mgnl:resource} child {@code jcr:content} holding the binary, its MIME type,
 * {@code fileName}, {@code extension}, {@code size}, {@code width} and {@code height}. Named by item
 * keys of Magnolia's form ({@code jcr:<id>}). The focal point ({@code focusX}, {@code focusY}, 0 to 1
 * from the left and top) is the module's own: the embedded renditions crop around it. Only JPEG, PNG
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

    /** Magnolia's asset and resource node types. */
    public static final String ASSET_TYPE = "mgnl:asset";

    public static final String RESOURCE_TYPE = "mgnl:resource";

    /** The longest alt text, caption and credit taken. */
    public static final int MAX_ALT = 300;

    public static final int MAX_CAPTION = 600;
    public static final int MAX_CREDIT = 200;

    /** A stored image. */
    public record Image(String key, String fileName, String mimeType, byte[] data) {}

    /**
     * What editors say about an image: alt text, caption, credit, and the point (0 to 1 from the left
     * and from the top) that crops keep; the centre when none was chosen.
     */
    public record Details(String alt, String caption, String credit, double focusX, double focusY) {
        public static final Details NONE = new Details("", "", "", 0.5, 0.5);

        public Details {
            alt = alt == null ? "" : alt.strip();
            caption = caption == null ? "" : caption.strip();
            credit = credit == null ? "" : credit.strip();
        }

        /** Whether the focal point is the centre (what crops did before there was one). */
        public boolean centred() {
            return focusX == 0.5 && focusY == 0.5;
        }
    }

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
            Node folder = root.hasNode(folderName) ? root.getNode(folderName) : root.addNode(folderName, "mgnl:folder");
            Calendar uploaded = Calendar.getInstance();
            uploaded.setTimeInMillis(clock.millis());
            String name = safeName(fileName);
            Node asset = folder.addNode(UUID.randomUUID().toString(), ASSET_TYPE);
            asset.setProperty("name", name);
            asset.setProperty("mgnl:created", uploaded);
            asset.setProperty("mgnl:lastModified", uploaded);
            Node content = asset.addNode("jcr:content", RESOURCE_TYPE);
            Binary binary = session.getValueFactory().createBinary(new ByteArrayInputStream(kept.data()));
            content.setProperty("jcr:data", binary);
            content.setProperty("jcr:mimeType", kept.mimeType());
            content.setProperty("jcr:lastModified", uploaded);
            describeFile(content, name, kept.data().length, kept.width(), kept.height());
            session.save();
            return "jcr:" + asset.getIdentifier();
        });
    }

    /** The resource's file properties as Magnolia's DAM writes them: base name, extension, bytes, pixels. */
    static void describeFile(Node content, String name, long size, int width, int height) throws RepositoryException {
        int dot = name.lastIndexOf('.');
        content.setProperty("fileName", dot > 0 ? name.substring(0, dot) : name);
        content.setProperty("extension", dot > 0 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "");
        content.setProperty("size", size);
        if (width > 0) {
            content.setProperty("width", (long) width);
            content.setProperty("height", (long) height);
        }
    }

    /** The details of the image an item key names; empty when there is none. */
    public Optional<Details> details(String key) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> asset = fileNode(session, key);
            return asset.isPresent() ? Optional.of(details(asset.get())) : Optional.<Details>empty();
        });
    }

    private static Details details(Node asset) throws RepositoryException {
        return new Details(
                string(asset, "description"),
                string(asset, "caption"),
                string(asset, "copyright"),
                fraction(asset, "focusX"),
                fraction(asset, "focusY"));
    }

    /**
     * Gives the image an item key names its details; false when there is no such image. A new focal point
     * makes new renditions (their stamp changes).
     *
     * @throws RefusedException with the message key of the first value that is too long or out of range
     */
    public boolean describe(String key, Details details, String by) throws RefusedException, RepositoryException {
        io.newsroom.news.article.Actor.require(io.newsroom.news.article.Role.Permission.IMAGES);
        if (details.alt().length() > MAX_ALT) {
            throw new RefusedException("news.admin.images.altTooLong");
        }
        if (details.caption().length() > MAX_CAPTION) {
            throw new RefusedException("news.admin.images.captionTooLong");
        }
        if (details.credit().length() > MAX_CREDIT) {
            throw new RefusedException("news.admin.images.creditTooLong");
        }
        if (!(details.focusX() >= 0 && details.focusX() <= 1 && details.focusY() >= 0 && details.focusY() <= 1)) {
            throw new RefusedException("news.admin.images.focusRange");
        }
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> found = fileNode(session, key);
            if (found.isEmpty()) {
                return false;
            }
            Node asset = found.get();
            asset.setProperty("description", details.alt());
            asset.setProperty("caption", details.caption());
            asset.setProperty("copyright", details.credit());
            asset.setProperty("focusX", details.focusX());
            asset.setProperty("focusY", details.focusY());
            Calendar now = Calendar.getInstance();
            now.setTimeInMillis(clock.millis());
            asset.setProperty("mgnl:lastModified", now);
            asset.setProperty("mgnl:lastModifiedBy", by);
            session.save();
            return true;
        });
    }

    /**
     * What renditions of an image are made from: its upload time and, once one is chosen, its focal
     * point. Empty when there is no such image.
     */
    public Optional<String> renditionStamp(String key) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            Optional<Node> asset = fileNode(session, key);
            if (asset.isEmpty() || !asset.get().hasProperty("jcr:content/jcr:lastModified")) {
                return Optional.<String>empty();
            }
            long uploaded = asset.get()
                    .getProperty("jcr:content/jcr:lastModified")
                    .getDate()
                    .getTimeInMillis();
            Details d = details(asset.get());
            return Optional.of(
                    d.centred()
                            ? Long.toString(uploaded)
                            : uploaded + "f" + Math.round(d.focusX() * 1000) + "x" + Math.round(d.focusY() * 1000));
        });
    }

    private static String string(Node node, String property) throws RepositoryException {
        return node.hasProperty(property) ? node.getProperty(property).getString() : "";
    }

    /** A 0-1 property, the centre when missing or out of range (a hand-edited export). */
    private static double fraction(Node node, String property) throws RepositoryException {
        if (!node.hasProperty(property)) {
            return 0.5;
        }
        try {
            double value = node.getProperty(property).getDouble();
            return value >= 0 && value <= 1 ? value : 0.5;
        } catch (javax.jcr.ValueFormatException e) {
            return 0.5;
        }
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
                if (isAsset(file)
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
                        name(file.get()),
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
            return file.isPresent() ? Optional.of(name(file.get())) : Optional.<String>empty();
        });
    }

    /** A stored image as the library lists it: its key, file name, upload time and details. */
    public record Listed(String key, String fileName, Instant uploaded, Details details) {}

    /**
     * The stored images, newest first, whose file name, alt text or caption contains {@code text} (any
     * case; null or blank: all), at most {@code limit}.
     */
    public List<Listed> list(String text, int limit) throws RepositoryException {
        return sessions.run(WORKSPACE, session -> {
            List<Listed> found = new ArrayList<>();
            String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            String like = ArticleXPath.stringLiteral("%" + ArticleXPath.escapeLike(wanted) + "%");
            String filter = wanted.isEmpty()
                    ? ""
                    : "[jcr:like(fn:lower-case(@name), " + like + ") or jcr:like(fn:lower-case(@description), " + like
                            + ") or jcr:like(fn:lower-case(@caption), " + like + ")]";
            javax.jcr.query.Query query = session.getWorkspace()
                    .getQueryManager()
                    .createQuery(
                            "/jcr:root//element(*, " + ASSET_TYPE + ")" + filter + " order by @jcr:created descending",
                            "xpath");
            query.setLimit(limit);
            for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
                Node file = it.nextNode();
                found.add(new Listed(
                        "jcr:" + file.getIdentifier(),
                        name(file),
                        file.hasProperty("jcr:content/jcr:lastModified")
                                ? file.getProperty("jcr:content/jcr:lastModified")
                                        .getDate()
                                        .toInstant()
                                : null,
                        details(file)));
            }
            return found;
        });
    }

    /** Deletes the image an asset key names; false when there was none. Callers check first that nothing uses it. */
    public boolean delete(String key) throws RepositoryException {
        io.newsroom.news.article.Actor.require(io.newsroom.news.article.Role.Permission.IMAGES);
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
            return isAsset(file) ? Optional.of(file) : Optional.empty();
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

    /** An image node: Magnolia's asset (or a file of the shape before it, until {@link DamShapeUpgrade} has run). */
    private static boolean isAsset(Node node) throws RepositoryException {
        return (node.isNodeType(ASSET_TYPE) || node.isNodeType("nt:file")) && node.hasNode("jcr:content");
    }

    /** The image's file name: the asset's {@code name} (the older shape's {@code jcr:title}), else the node's. */
    private static String name(Node asset) throws RepositoryException {
        if (asset.hasProperty("name")) {
            return asset.getProperty("name").getString();
        }
        return asset.hasProperty("jcr:title") ? asset.getProperty("jcr:title").getString() : asset.getName();
    }

    /** The name as ASCII for addresses: Vietnamese letters without their marks ("Hội nghị.jpg" -> "Hoi-nghi.jpg"). */
    static String safeName(String name) {
        String folded = name == null
                ? null
                : java.text.Normalizer.normalize(
                                name.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "");
        String base = folded == null ? "image" : folded.replaceAll("[^A-Za-z0-9._-]", "-");
        return base.isBlank() ? "image" : base;
    }
}
