package io.newsroom.news.views;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One owner per view journal folder: an exclusive lock on {@code journal.lock} inside it, held from
 * before the counter reads the folder until it has closed. A second owner (another class loader
 * after a webapp redeploy, another instance configured with the same folder, another process) is
 * refused with a clear message instead of replaying and saving the same views again. The operating
 * system lets go of the lock when the process dies, so a crash never leaves the folder locked.
 */
final class JournalFolderLock implements AutoCloseable {
    static final String FILE = "journal.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private JournalFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The folder's lock, or a refusal naming the folder when another owner holds it. */
    static JournalFolderLock take(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileChannel channel =
                FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisJvm) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new JournalInUseException(folder);
        }
        return new JournalFolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another view counter owns the folder. */
    public static final class JournalInUseException extends IOException {
        JournalInUseException(Path folder) {
            super("The view journal folder " + folder.toAbsolutePath() + " is in use by another running view counter "
                    + "(another instance, an earlier deployment of this webapp still stopping, or another process). "
                    + "Nothing was counted here. Give each instance a folder of its own (newsroom.news.views.journal, "
                    + "or --data for the embedded runtime), or stop the other one first.");
        }
    }
}
