package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.notification.Notification;

/** Short messages at the top of the page, where they never cover the form's buttons. */
final class Notices {
    private static final int MILLIS = 4000;

    private Notices() {}

    static void show(String text) {
        Notification.show(text, MILLIS, Notification.Position.TOP_CENTER);
    }
}
