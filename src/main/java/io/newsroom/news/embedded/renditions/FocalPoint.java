package io.newsroom.news.embedded.renditions;

import java.awt.Point;
import net.coobird.thumbnailator.geometry.Position;

/**
 * Where a crop sits in the scaled image: the crop box centred on the focal point (0 to 1 from the left
 * and the top), moved back inside the image where the point is near an edge. At 0.5/0.5 it is the
 * centred crop renditions always had (Thumbnailator's centre, up to a pixel of rounding).
 */
final class FocalPoint implements Position {
    private final double x;
    private final double y;

    FocalPoint(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /**
     * Thumbnailator asks where the scaled image ({@code width} x {@code height}) goes in the crop box
     * ({@code enclosingWidth} x {@code enclosingHeight}): an offset of zero or less along each side.
     */
    @Override
    public Point calculate(
            int enclosingWidth,
            int enclosingHeight,
            int width,
            int height,
            int insetLeft,
            int insetRight,
            int insetTop,
            int insetBottom) {
        return new Point(offset(x, enclosingWidth, width), offset(y, enclosingHeight, height));
    }

    /** The image's offset along one side: the point at the box's middle, no gap at either edge. */
    private static int offset(double point, int box, int image) {
        if (image <= box) {
            return (box - image) / 2;
        }
        int centred = (int) Math.round(box / 2.0 - point * image);
        return Math.max(box - image, Math.min(0, centred));
    }
}
