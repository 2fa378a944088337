package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal under faults: a full disk, a damaged record, files that are not its own, an empty
 * instance id. Every view answered as saved is read back exactly once; nothing refused is.
 */
class ViewJournalFaultTest {
    private static final UUID ARTICLE = UUID.fromString("6f1c2a3b-1111-2222-3333-444455556666");

    @TempDir
    Path folder;

    @Test
    void aDamagedRecordIsSkippedAndTheRecordsAfterItAreKept() throws Exception {
        ViewJournal journal = ViewJournal.open(folder, 0, (entries, end) -> {});
        journal.start((batch, end) -> {});
        for (int i = 0; i < 500; i++) {
            journal.append(new ViewJournal.Entry(ARTICLE, 20_000 + i)).get(10, TimeUnit.SECONDS);
        }
        journal.close();
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long middle = 250L * ViewJournal.RECORD_BYTES + 5;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x40);
        }
        List<ViewJournal.Entry> read = new ArrayList<>();
        ViewJournal reopened = ViewJournal.open(folder, 0, (entries, end) -> read.addAll(entries));
        assertEquals(499, read.size(), "one damaged record skipped, none after it lost");
        assertEquals(20_499, read.get(read.size() - 1).epochDay());
        reopened.start((batch, end) -> {});
        reopened.append(new ViewJournal.Entry(ARTICLE, 30_000)).get(10, TimeUnit.SECONDS);
        reopened.close();
        assertEquals(500, readAll().size(), "appending goes on after the kept records");
    }

    @Test
    void anErrorInTheWriterRefusesThatBatchAndCountingGoesOn() throws Exception {
        ViewJournal journal = ViewJournal.open(folder, 0, (entries, end) -> {});
        java.util.concurrent.atomic.AtomicBoolean failOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        journal.start((batch, end) -> {
            if (failOnce.getAndSet(false)) {
                throw new OutOfMemoryError("Java heap space (injected)");
            }
        });
        try {
            java.util.concurrent.ExecutionException refused = assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> journal.append(new ViewJournal.Entry(ARTICLE, 20_000)).get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof OutOfMemoryError, refused.toString());
            // The next views are written and answered, not left waiting for a writer that died.
            for (int i = 0; i < 3; i++) {
                journal.append(new ViewJournal.Entry(ARTICLE, 20_001 + i)).get(10, TimeUnit.SECONDS);
            }
        } finally {
            journal.close();
        }
        List<ViewJournal.Entry> read = new ArrayList<>();
        ViewJournal.replayOnly(folder, 0, read::add);
        // The refused one may be on disk (the failure came after the write); the counter's mark passes it, so
        // a view answered as refused is never counted. The others are all there.
        assertEquals(
                List.of(20_001, 20_002, 20_003),
                read.stream()
                        .map(ViewJournal.Entry::epochDay)
                        .filter(d -> d > 20_000)
                        .toList());
    }

    @Test
    void filesThatAreNotSegmentsAreLeftAlone() throws Exception {
        Files.writeString(folder.resolve("views-garbage.journal"), "not ours");
        Files.createDirectories(folder.resolve("views-00000000000000000001.journal.d"));
        Files.writeString(folder.resolve("notes.txt"), "an operator's notes");
        ViewJournal journal = ViewJournal.open(folder, 0, (entries, end) -> {});
        journal.start((batch, end) -> {});
        journal.append(new ViewJournal.Entry(ARTICLE, 1)).get(10, TimeUnit.SECONDS);
        journal.close();
        assertEquals(1, readAll().size());
        assertEquals("not ours", Files.readString(folder.resolve("views-garbage.journal")));
    }

    @Test
    void anEmptyInstanceIdIsMadeAnewOnlyWhenNoViewsDependOnIt() throws Exception {
        Files.writeString(folder.resolve("instance-id"), "");
        String fresh = ViewCounter.instanceId(folder);
        assertTrue(fresh.matches("i[0-9a-f]{32}"), fresh);
        assertEquals(fresh, Files.readString(folder.resolve("instance-id")));

        Files.writeString(folder.resolve("views-00000000000000000000.journal"), "");
        Files.writeString(folder.resolve("instance-id"), "  \n");
        IOException refused = assertThrows(IOException.class, () -> ViewCounter.instanceId(folder));
        assertTrue(
                refused.getMessage().contains("instance-id")
                        && refused.getMessage().contains("views-*.journal"),
                refused.getMessage());
    }

    /**
     * A real full filesystem (a 256 KB tmpfs the test mounts; needs root): writes fail, the journal
     * cuts back, and what is on disk right then (as a kill -9 would leave it) is exactly the views
     * that were answered as saved. With space again, writing goes on and stays readable.
     */
    @Test
    void onAFullDiskRefusedViewsAreNeverCountedAndAnsweredOnesNeverLost() throws Exception {
        Path mount = folder.resolve("small-disk");
        Files.createDirectories(mount);
        assumeTrue(mountTmpfs(mount, "256k"), "needs root to mount a small tmpfs; skipped");
        try {
            Path journalFolder = mount.resolve("journal");
            ViewJournal journal = ViewJournal.open(journalFolder, 0, (entries, end) -> {});
            journal.start((batch, end) -> {});
            // Fill the disk but for a little room, so the journal runs out mid-way.
            Path filler = mount.resolve("filler");
            Files.write(filler, new byte[200 * 1024]);
            int answered = 0;
            int refused = 0;
            List<CompletableFuture<Long>> inFlight = new ArrayList<>();
            for (int round = 0; round < 200 && refused < 100; round++) {
                inFlight.clear();
                for (int i = 0; i < 64; i++) {
                    inFlight.add(journal.append(new ViewJournal.Entry(ARTICLE, round)));
                }
                for (CompletableFuture<Long> done : inFlight) {
                    try {
                        done.get(10, TimeUnit.SECONDS);
                        answered++;
                    } catch (ExecutionException e) {
                        refused++;
                    }
                }
            }
            assertTrue(refused > 0, "the disk filled up");
            assertTrue(answered > 0);
            System.out.println("full disk: " + answered + " views answered as saved, " + refused + " refused (503)");
            // As kill -9 would leave it: read the files while the journal is still open.
            assertEquals(answered, readAll(journalFolder).size(), "answered " + answered + ", refused " + refused);

            Files.delete(filler);
            for (int i = 0; i < 10; i++) {
                journal.append(new ViewJournal.Entry(ARTICLE, 99_999)).get(10, TimeUnit.SECONDS);
            }
            journal.close();
            List<ViewJournal.Entry> all = readAll(journalFolder);
            assertEquals(answered + 10, all.size());
            assertEquals(99_999, all.get(all.size() - 1).epochDay(), "records after the fault are whole");
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    private static boolean mountTmpfs(Path at, String size) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ok = mount.waitFor() == 0;
        if (!ok) {
            System.err.println("Could not mount a tmpfs for the full-disk test: " + output);
        }
        return ok;
    }

    private List<ViewJournal.Entry> readAll() throws IOException {
        return readAll(folder);
    }

    private static List<ViewJournal.Entry> readAll(Path journalFolder) throws IOException {
        List<ViewJournal.Entry> read = new ArrayList<>();
        ViewJournal.replayOnly(journalFolder, 0, read::add);
        return read;
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> segments = files.filter(f -> f.getFileName().toString().matches("views-\\d+\\.journal"))
                    .toList();
            assertEquals(1, segments.size());
            return segments.get(0);
        }
    }
}
