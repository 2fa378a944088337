package io.newsroom.news.views;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local journal of accepted views, so that a view answered with 204 survives {@code kill -9}.
 * Views are appended by one writer thread in group commits: whatever queued up while the last
 * batch was being forced to disk is written and forced together, then all those callers are
 * released. Positions are byte offsets that only grow; the store records up to which position it
 * holds the views, and a start replays only what comes after. The journal is split into segment
 * files ({@code views-<start position>.journal}); segments the store fully holds are deleted.
 * <p>
 * A write that fails (a full disk) is cut back to the last durable position before anything else
 * is written, so a refused view is never counted and no later record lands behind a partial one.
 * Each record carries a CRC: a damaged record is skipped and reported when the journal is read, the
 * records after it are kept; only a torn fragment shorter than a record at a segment's end is ignored.
 * Files in the folder that are not segments are left alone.
 */
final class ViewJournal implements AutoCloseable {
    static final int RECORD_BYTES = 24;
    private static final Logger LOG = LoggerFactory.getLogger(ViewJournal.class);
    private static final long SEGMENT_BYTES = 8L * 1024 * 1024;
    private static final int MAX_BATCH = 4096;
    /** Files already reported as not ours: said once, not at every listing. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private static final Pattern SEGMENT_NAME = Pattern.compile("views-(\\d{1,20})\\.journal");

    /** One accepted view: the article and the day (in the site's zone) it was seen. */
    record Entry(UUID article, int epochDay) {}

    /** Called by the writer thread after a batch is durable, before the callers are released. */
    interface DurableListener {
        void durable(List<Entry> batch, long endPosition);
    }

    private record Pending(Entry entry, CompletableFuture<Long> done) {}

    private final Path folder;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(65_536);
    /** The writer thread; made again when one died (see {@link #append}). */
    private volatile Thread writer;

    private volatile boolean started;
    private volatile boolean closed;
    private FileChannel channel;
    private long segmentStart;
    private long position;
    private DurableListener listener;
    /** Set when a failed write could not be cut back yet: nothing is written until it is. */
    private boolean dirty;

    private ViewJournal(Path folder, long position) throws IOException {
        this.folder = folder;
        this.position = position;
        openSegment(position);
        this.writer = newWriter();
    }

    /**
     * Opens the journal in {@code folder}, first handing every entry after {@code replayFrom} to
     * {@code replay}, one at a time with the position after it (a torn last record from a crash is cut off).
     *
     * @return the journal, positioned at its end
     */
    static ViewJournal open(Path folder, long replayFrom, DurableListener replay) throws IOException {
        Files.createDirectories(folder);
        long end = replay(folder, replayFrom, replay);
        return new ViewJournal(folder, end);
    }

    /** Reads every entry after {@code from} without opening the journal for writing (for checks and tools). */
    static long replayOnly(Path folder, long from, Consumer<Entry> replay) throws IOException {
        return replay(folder, from, (entries, end) -> entries.forEach(replay));
    }

    void start(DurableListener durableListener) {
        this.listener = durableListener;
        started = true;
        writer.start();
    }

    private Thread newWriter() {
        Thread thread = new Thread(this::writeLoop, "news-views-journal");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A writer that died (whatever killed it) is noticed at the next view, reported and started again, so
     * counting never stops until a restart and no beacon waits for a writer that is gone.
     */
    private void keepWriterAlive() {
        if (!started || closed || writer.isAlive()) {
            return;
        }
        synchronized (this) {
            if (!writer.isAlive() && !closed) {
                LOG.error("The view journal's writer had stopped; started again");
                writer = newWriter();
                writer.start();
            }
        }
    }

    long position() {
        return position;
    }

    /** Queues a view; the future completes with its end position once it is on disk. */
    CompletableFuture<Long> append(Entry entry) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IOException("The view journal is closed"));
            return done;
        }
        keepWriterAlive();
        try {
            if (!queue.offer(new Pending(entry, done), 5, TimeUnit.SECONDS)) {
                done.completeExceptionally(new IOException("The view journal is overloaded"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Deletes the segments whose every record lies before {@code position}. */
    void deleteBefore(long savedPosition) {
        try {
            List<long[]> segments = segments(folder);
            for (int i = 0; i + 1 < segments.size(); i++) {
                long nextStart = segments.get(i + 1)[0];
                if (nextStart <= savedPosition) {
                    Files.deleteIfExists(segmentPath(folder, segments.get(i)[0]));
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not delete old journal segments in {}: {}", folder, e.toString());
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Writing the view journal failed; {} views are refused", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } catch (Error e) {
                // Out of memory (another part of the JVM took it all) or worse: these views are refused, and
                // what the write may have left is cut back before the next one; the writer goes on.
                dirty = true;
                LOG.error("Writing the view journal failed ({}); {} views are refused", e, batch.size());
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) throws IOException {
        if (dirty) {
            cutBack();
        }
        ByteBuffer buffer = ByteBuffer.allocate(batch.size() * RECORD_BYTES);
        List<Entry> entries = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            encode(p.entry(), buffer);
            entries.add(p.entry());
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            dirty = true;
            try {
                cutBack();
            } catch (IOException stillFailing) {
                e.addSuppressed(stillFailing);
            }
            throw e;
        }
        position += (long) batch.size() * RECORD_BYTES;
        listener.durable(entries, position);
        for (Pending p : batch) {
            p.done().complete(position);
        }
        if (position - segmentStart >= SEGMENT_BYTES) {
            channel.close();
            openSegment(position);
        }
    }

    /** Cuts the segment back to the last durable position, dropping what a failed write left. */
    private void cutBack() throws IOException {
        long durable = position - segmentStart;
        channel.truncate(durable);
        channel.position(durable);
        channel.force(true);
        dirty = false;
        LOG.warn("View journal cut back to its last durable record (position {})", position);
    }

    private void openSegment(long start) throws IOException {
        List<long[]> segments = segments(folder);
        long[] last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last[0] <= start && start <= last[0] + last[1]) {
            segmentStart = last[0];
        } else {
            segmentStart = start;
        }
        channel = FileChannel.open(
                segmentPath(folder, segmentStart), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.position(start - segmentStart);
        channel.truncate(start - segmentStart);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    // --- reading ---

    private static long replay(Path folder, long from, DurableListener replay) throws IOException {
        List<long[]> segments = segments(folder);
        long end = from;
        for (long[] segment : segments) {
            long start = segment[0];
            long size = segment[1];
            if (start + size <= from) {
                end = Math.max(end, start + size);
                continue;
            }
            try (FileChannel in = FileChannel.open(segmentPath(folder, start), StandardOpenOption.READ)) {
                long offset = Math.max(0, from - start);
                offset -= offset % RECORD_BYTES;
                ByteBuffer record = ByteBuffer.allocate(RECORD_BYTES);
                int damaged = 0;
                while (offset + RECORD_BYTES <= size) {
                    record.clear();
                    while (record.hasRemaining() && in.read(record, offset + record.position()) >= 0) {
                        // a read may return fewer bytes than asked
                    }
                    record.flip();
                    Entry entry = record.remaining() == RECORD_BYTES ? decode(record) : null;
                    if (entry == null) {
                        damaged++;
                    } else {
                        replay.durable(List.of(entry), start + offset + RECORD_BYTES);
                    }
                    offset += RECORD_BYTES;
                }
                if (damaged > 0) {
                    LOG.warn(
                            "Journal segment {} has {} damaged record(s); they are skipped, the records around them kept",
                            segmentPath(folder, start).getFileName(),
                            damaged);
                }
                if (offset < size) {
                    LOG.warn(
                            "Journal segment {} ends in a torn record of {} bytes (a write cut short); it is dropped",
                            segmentPath(folder, start).getFileName(),
                            size - offset);
                }
                end = start + offset;
            }
        }
        return end;
    }

    private static void encode(Entry entry, ByteBuffer buffer) {
        int begin = buffer.position();
        buffer.putLong(entry.article().getMostSignificantBits());
        buffer.putLong(entry.article().getLeastSignificantBits());
        buffer.putInt(entry.epochDay());
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), begin, 20);
        buffer.putInt((int) crc.getValue());
    }

    private static Entry decode(ByteBuffer record) {
        CRC32 crc = new CRC32();
        crc.update(record.array(), 0, 20);
        long msb = record.getLong();
        long lsb = record.getLong();
        int day = record.getInt();
        int check = record.getInt();
        if (check != (int) crc.getValue()) {
            return null;
        }
        return new Entry(new UUID(msb, lsb), day);
    }

    /** Segments as {start, size}, by start. */
    private static List<long[]> segments(Path folder) throws IOException {
        List<long[]> segments = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "views-*.journal")) {
            for (Path file : files) {
                Matcher name = SEGMENT_NAME.matcher(file.getFileName().toString());
                long start;
                try {
                    start = name.matches() && Files.isRegularFile(file) ? Long.parseLong(name.group(1)) : -1;
                } catch (NumberFormatException e) {
                    start = -1;
                }
                if (start < 0) {
                    if (REPORTED.add(file.toAbsolutePath().toString())) {
                        LOG.warn("Ignoring {} in the view journal folder: not a journal segment", file.getFileName());
                    }
                    continue;
                }
                segments.add(new long[] {start, Files.size(file)});
            }
        }
        segments.sort((a, b) -> Long.compare(a[0], b[0]));
        return segments;
    }

    private static Path segmentPath(Path folder, long start) {
        return folder.resolve(String.format("views-%020d.journal", start));
    }
}
