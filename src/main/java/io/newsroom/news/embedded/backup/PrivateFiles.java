package io.newsroom.news.embedded.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A backup holds drafts and account names: its folder is the server's user's only (0700) and so is
 * each file (0600), as the data folder is. On a file system without POSIX permissions its own rules apply.
 */
final class PrivateFiles {
    private PrivateFiles() {}

    static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrict(folder, "rwx------");
    }

    /** A new (or emptied) file only the server's user may read, open for writing. */
    static OutputStream create(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        return Files.newOutputStream(file);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's own access rules apply
        }
    }
}
