package io.newsroom.news.assets;

import java.util.Optional;

/**
 * The pixel size of an image's rendition, for {@code width} and {@code height} attributes (so the
 * page does not jump while images load), and the focal point that crops in the page keep. The embedded
 * runtime knows them; a host that does not leaves them out.
 */
public interface ImageSizes {
    record Size(int width, int height) {
        public int getWidth() {
            return width;
        }

        public int getHeight() {
            return height;
        }
    }

    Optional<Size> size(String itemKey, String rendition);

    /** An image's focal point, 0 to 1 from the left and the top. */
    record Focus(double x, double y) {}

    /** The point crops keep, where an editor chose one; empty for the centre or where the host does not know. */
    default Optional<Focus> focus(String itemKey) {
        return Optional.empty();
    }
}
