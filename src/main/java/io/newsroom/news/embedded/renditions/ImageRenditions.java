package io.newsroom.news.embedded.renditions;

import io.newsroom.news.assets.ExifOrientation;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.assets.ImageCheck;
import io.newsroom.news.assets.ImageCleaning;
import io.newsroom.news.assets.ImageSizes;
import io.newsroom.news.definitions.LightModule;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.jcr.RepositoryException;
import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.LoggerFactory;

/**
 * Image renditions of the embedded runtime: the named sizes of the light module's theme
 * ({@code themes/news.yaml}), made once per image and size with Thumbnailator (EXIF orientation
 * honoured; JPEG, PNG and, through TwelveMonkeys' readers, WebP and CMYK JPEG read) and kept as
 * files, so a second request costs a file read. A file's name carries the image's upload time, so
 * a changed image never serves an old rendition.
 */
public final class ImageRenditions implements ImageSizes {
    public static final String THEME = "news";
    /** Where Magnolia's imaging module serves a theme's variations: {@code /.imaging/mte/<theme>/<variation>/dam/...}. */
    public static final String PATH = "/.imaging/mte";

    private static final String THEME_FILE = "themes/" + THEME + ".yaml";

    /** A named size: a width alone scales to it (never up); a width and height crop to fill the box. */
    public record Variation(String name, int width, int height) {
        boolean crops() {
            return height > 0;
        }
    }

    /** A made rendition: its file and type. */
    public record Rendered(Path file, String mimeType) {}

    private final ImageAssets images;
    private final Map<String, Variation> variations;
    private final Path folder;
    private final Map<String, Size> originals = new ConcurrentHashMap<>();
    private final Map<String, Object> making = new ConcurrentHashMap<>();
    /** Images (id@upload time) that could not be decoded: answered as missing without decoding again. */
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    /** At most two renditions are made at once, so many first requests never hold many decoded images. */
    private final Semaphore makers = new Semaphore(2);

    ImageRenditions(ImageAssets images, Map<String, Variation> variations, Path folder) {
        this.images = images;
        this.variations = Map.copyOf(variations);
        this.folder = folder;
        ImageIO.scanForPlugins();
    }

    /** The theme's sizes from the light module; renditions kept under {@code folder}. */
    public static ImageRenditions load(LightModule module, ImageAssets images, Path folder) throws IOException {
        Map<String, Variation> variations = new LinkedHashMap<>();
        Object tree = module.exists(THEME_FILE) ? module.yaml(THEME_FILE) : null;
        Object defined = tree instanceof Map<?, ?> theme && theme.get("imaging") instanceof Map<?, ?> imaging
                ? imaging.get("variations")
                : null;
        if (defined instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                Map<?, ?> settings = entry.getValue() instanceof Map<?, ?> m ? m : Map.of();
                int width = positive(settings.get("width"), name + ".width");
                int height = settings.get("height") == null ? 0 : positive(settings.get("height"), name + ".height");
                variations.put(name, new Variation(name, width, height));
            }
        }
        Files.createDirectories(folder);
        return new ImageRenditions(images, variations, folder);
    }

    private static int positive(Object value, String where) {
        if (value instanceof Number n && n.intValue() > 0 && n.intValue() <= 8000) {
            return n.intValue();
        }
        throw new IllegalArgumentException(
                THEME_FILE + ": " + where + " must be a width in pixels from 1 to 8000, not '" + value + "'");
    }

    public Optional<Variation> variation(String name) {
        return Optional.ofNullable(name == null ? null : variations.get(name));
    }

    /** Deletes every rendition of an image that is gone. */
    public void forget(String itemKey) {
        if (itemKey == null || !itemKey.matches("jcr:[0-9a-fA-F-]{36}")) {
            return;
        }
        Path dir = folder.resolve(itemKey.substring(4));
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException none) {
            // no rendition was ever made
        } catch (IOException e) {
            LoggerFactory.getLogger(ImageRenditions.class)
                    .warn("Cannot delete the renditions of {}: {}", itemKey, e.toString());
        }
        originals.keySet().removeIf(k -> k.startsWith(itemKey + "@"));
    }

    /** The size a rendition has (or will have), from the original's size and orientation; empty for no image. */
    @Override
    public Optional<Size> size(String itemKey, String variationName) {
        Optional<Variation> variation = variation(variationName);
        try {
            Optional<Size> original = original(itemKey);
            if (original.isEmpty()) {
                return Optional.empty();
            }
            if (variation.isEmpty()) {
                return original;
            }
            Variation v = variation.get();
            if (v.crops()) {
                return Optional.of(new Size(v.width(), v.height()));
            }
            Size o = original.get();
            int width = Math.min(v.width(), o.width());
            return Optional.of(new Size(width, Math.max(1, Math.round(o.height() * (float) width / o.width()))));
        } catch (IOException | RepositoryException e) {
            return Optional.empty();
        }
    }

    /** The focal point an editor chose for the image; empty for the centre, for none, or for no such image. */
    @Override
    public Optional<ImageSizes.Focus> focus(String itemKey) {
        try {
            return images.details(itemKey)
                    .filter(d -> !d.centred())
                    .map(d -> new ImageSizes.Focus(d.focusX(), d.focusY()));
        } catch (RepositoryException e) {
            return Optional.empty();
        }
    }

    /** The rendition's file, made now if it is not there yet; empty when there is no such image or size. */
    public Optional<Rendered> rendition(String itemKey, String variationName) throws IOException, RepositoryException {
        Optional<Variation> variation = variation(variationName);
        Optional<String> stamp = images.renditionStamp(itemKey);
        if (variation.isEmpty() || stamp.isEmpty()) {
            return Optional.empty();
        }
        String id = itemKey.substring(4);
        Path dir = folder.resolve(id);
        Optional<Rendered> before = made(dir, variationName, stamp.get());
        if (before.isPresent()) {
            return before;
        }
        // One maker per image and size: concurrent first requests wait for it instead of repeating it.
        synchronized (making.computeIfAbsent(id + "/" + variationName, k -> new Object())) {
            before = made(dir, variationName, stamp.get());
            if (before.isPresent()) {
                return before;
            }
            Optional<ImageAssets.Image> image = images.read(itemKey);
            if (image.isEmpty()) {
                return Optional.empty();
            }
            if (unreadable.contains(id + "@" + stamp.get())) {
                return Optional.empty();
            }
            boolean png = image.get().mimeType().equals("image/png");
            byte[] made;
            ImageAssets.Details details = images.details(itemKey).orElse(ImageAssets.Details.NONE);
            makers.acquireUninterruptibly();
            try {
                made = make(image.get().data(), variation.get(), png, details);
            } catch (ImageCheck.Unreadable e) {
                // Remembered: a broken image is not decoded again at every request (until it is replaced).
                unreadable.add(id + "@" + stamp.get());
                LoggerFactory.getLogger(ImageRenditions.class)
                        .warn("Image {} cannot be rendered ({}); it is answered as missing", itemKey, e.getMessage());
                return Optional.empty();
            } finally {
                makers.release();
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(variationName + "-" + stamp.get() + (png ? ".png" : ".jpg"));
            Path temp = Files.createTempFile(dir, variationName, ".tmp");
            Files.write(temp, made);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeOlder(dir, variationName, file);
            return Optional.of(new Rendered(file, png ? "image/png" : "image/jpeg"));
        }
    }

    /** The rendition made before for this upload time, if there is one. */
    private static Optional<Rendered> made(Path dir, String variationName, String stamp) {
        for (String ext : new String[] {"jpg", "png"}) {
            Path file = dir.resolve(variationName + "-" + stamp + "." + ext);
            if (Files.exists(file)) {
                return Optional.of(new Rendered(file, ext.equals("png") ? "image/png" : "image/jpeg"));
            }
        }
        return Optional.empty();
    }

    /**
     * The rendition's bytes: the original decoded within the pixel budget ({@link ImageCheck}, metadata
     * ignored), turned by its EXIF orientation (JPEG only: its EXIF is a bounded segment), then scaled or
     * cropped around the image's focal point (the centre unless an editor chose one).
     */
    private static byte[] make(byte[] original, Variation variation, boolean png, ImageAssets.Details details)
            throws IOException, ImageCheck.Unreadable {
        // Twice the rendition's larger side on the decoded image's shorter one: room for any crop or turn.
        BufferedImage decoded = ImageCheck.decode(original, 2 * Math.max(variation.width(), variation.height()));
        if (!png) {
            decoded = ImageCleaning.upright(decoded, ExifOrientation.of(original));
        }
        Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(decoded);
        if (variation.crops()) {
            builder.size(variation.width(), variation.height())
                    .crop(new FocalPoint(details.focusX(), details.focusY()));
        } else {
            builder.width(Math.min(variation.width(), decoded.getWidth())).keepAspectRatio(true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (png) {
            builder.outputFormat("png").toOutputStream(out);
        } else {
            builder.outputFormat("jpg")
                    .outputQuality(0.82)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .toOutputStream(out);
        }
        return out.toByteArray();
    }

    private static void removeOlder(Path dir, String variationName, Path current) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(variationName + "-") && !file.equals(current) && !name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Optional<Size> original(String itemKey) throws IOException, RepositoryException {
        Optional<String> stamp = images.renditionStamp(itemKey);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        String cacheKey = itemKey + "@" + stamp.get();
        Size known = originals.get(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ImageAssets.Image> image = images.read(itemKey);
        if (image.isEmpty()) {
            return Optional.empty();
        }
        Size size = read(image.get().data());
        if (originals.size() > 10_000) {
            originals.clear();
        }
        originals.put(cacheKey, size);
        return Optional.of(size);
    }

    /** Width and height as the image shows (its EXIF orientation applied), from its header only. */
    static Size read(byte[] data) throws IOException {
        ImageCheck.Dimensions stored;
        try {
            stored = ImageCheck.dimensions(data);
        } catch (ImageCheck.Unreadable e) {
            throw new IOException("Not a readable image: " + e.getMessage());
        }
        // EXIF orientations 5 to 8 turn the image a quarter: width and height swap.
        boolean turned = ExifOrientation.of(data) >= 5;
        return turned ? new Size(stored.height(), stored.width()) : new Size(stored.width(), stored.height());
    }
}
