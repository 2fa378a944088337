package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.AttachEvent;
import java.util.function.IntConsumer;

/**
 * The admin app's lists change shape under {@link #NARROW} px (a phone): fewer columns, actions in one
 * menu. Tells a screen the window's width when it is shown and on every resize.
 */
final class PhoneWidth {
    /** Narrower than this is a phone. */
    static final int NARROW = 700;

    private PhoneWidth() {}

    /** Calls {@code fit} with the window's inner width now and after each resize, for the screen just attached. */
    static void follow(AttachEvent event, IntConsumer fit) {
        event.getUI().getPage().retrieveExtendedClientDetails(details -> fit.accept(details.getWindowInnerWidth()));
        event.getUI().getPage().addBrowserWindowResizeListener(e -> fit.accept(e.getWidth()));
    }
}
