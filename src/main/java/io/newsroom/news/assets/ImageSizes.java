package io.newsroom.news.assets;

import java.util.Optional;

/**
 * The pixel size of an image's rendition, for {@code width} and {@code height} attributes (so the
 * page does not jump while images load). The embedded runtime knows them; a host that does not
 * leaves them out.
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
}
