package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import java.util.Locale;

/**
 * An image on which a click sets the focal point: the spot crops keep (a face, the speaker at the
 * lectern). A ring marks the point; it starts where the image's point is (the centre when none was set).
 */
final class FocusPicker extends Div {
    private final Div marker = new Div();
    private double x;
    private double y;

    FocusPicker(String src, double x, double y) {
        setId("image-focus");
        getStyle()
                .set("position", "relative")
                .set("display", "block")
                .set("width", "100%")
                .set("line-height", "0");
        Image image = new Image(src, "");
        image.setId("image-focus-picture");
        // At most 16rem high (the dialog's fields stay in view), at least 12rem wide (a small original is
        // still easy to point at); the browser keeps the picture's proportions within these bounds.
        image.getStyle()
                .set("display", "block")
                .set("width", "auto")
                .set("height", "auto")
                .set("max-width", "100%")
                .set("max-height", "16rem")
                .set("min-width", "12rem")
                .set("cursor", "crosshair")
                .set("border-radius", "4px");
        marker.setId("image-focus-marker");
        marker.getStyle()
                .set("position", "absolute")
                .set("width", "1.5rem")
                .set("height", "1.5rem")
                .set("margin", "-0.75rem 0 0 -0.75rem")
                .set("border", "3px solid #fff")
                .set("box-shadow", "0 0 0 2px #1a73e8")
                .set("border-radius", "50%")
                .set("pointer-events", "none");
        image.getElement()
                .addEventListener("click", e -> {
                    double width = e.getEventData().getNumber("element.clientWidth");
                    double height = e.getEventData().getNumber("element.clientHeight");
                    if (width > 0 && height > 0) {
                        place(
                                e.getEventData().getNumber("event.offsetX") / width,
                                e.getEventData().getNumber("event.offsetY") / height);
                    }
                })
                .addEventData("event.offsetX")
                .addEventData("event.offsetY")
                .addEventData("element.clientWidth")
                .addEventData("element.clientHeight");
        add(image, marker);
        place(x, y);
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    private void place(double newX, double newY) {
        // Rounded to a thousandth: finer than any crop can show, and a stable rendition stamp.
        x = Math.round(Math.max(0, Math.min(1, newX)) * 1000) / 1000.0;
        y = Math.round(Math.max(0, Math.min(1, newY)) * 1000) / 1000.0;
        marker.getStyle()
                .set("left", String.format(Locale.ROOT, "%.1f%%", x * 100))
                .set("top", String.format(Locale.ROOT, "%.1f%%", y * 100));
        getElement().setAttribute("data-focus", String.format(Locale.ROOT, "%.3f,%.3f", x, y));
    }
}
