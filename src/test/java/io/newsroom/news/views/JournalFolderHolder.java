package io.newsroom.news.views;

import java.nio.file.Path;

/** A process of its own that holds a journal folder's lock until it is stopped (for JournalFolderLockTest). */
public final class JournalFolderHolder {
    static final String HOLDING = "holding";

    private JournalFolderHolder() {}

    public static void main(String[] args) throws Exception {
        try (JournalFolderLock lock = JournalFolderLock.take(Path.of(args[0]))) {
            System.out.println(HOLDING);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
