package io.newsroom.news.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The archive index on disk, written when the host stops and read when it starts, so the first pages
 * after a start come from the index at once instead of from queries that sort the whole archive. The
 * entries are stored in listing order, so reading them needs no sort. The file is a hint, never the
 * truth: the start still reads the repository behind it and corrects what changed meanwhile.
 */
final class ArchiveSnapshot {
    private static final long MAGIC = 0x4e45575349445831L; // "NEWSIDX1"

    /** One entry as stored: identifier, posted date, category (an index into the names) and flags. */
    record Entry(UUID id, long posted, int category, byte flags) {}

    record Contents(List<String> categories, List<Entry> entries) {}

    private ArchiveSnapshot() {}

    /** Writes {@code contents} beside {@code file} and moves it in place: a reader never sees half a file. */
    static void write(Path file, List<String> categories, EntrySource source) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
            out.writeLong(MAGIC);
            out.writeInt(categories.size());
            for (String name : categories) {
                out.writeUTF(name);
            }
            out.writeInt(source.size());
            for (int i = 0; i < source.size(); i++) {
                Entry entry = source.entry(i);
                out.writeLong(entry.id().getMostSignificantBits());
                out.writeLong(entry.id().getLeastSignificantBits());
                out.writeLong(entry.posted());
                out.writeInt(entry.category());
                out.writeByte(entry.flags());
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The entries in listing order, as the index hands them to {@link #write}. */
    interface EntrySource {
        int size();

        Entry entry(int position);
    }

    /** What {@code file} holds; an IOException when it is missing, cut short or not one of ours. */
    static Contents read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not an archive index");
            }
            int names = in.readInt();
            if (names < 0 || names > 1_000_000) {
                throw new IOException(file + " names " + names + " categories");
            }
            List<String> categories = new ArrayList<>(names);
            for (int i = 0; i < names; i++) {
                categories.add(in.readUTF());
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(file + " holds " + count + " entries");
            }
            List<Entry> entries = new ArrayList<>(Math.min(count, 1 << 20));
            for (int i = 0; i < count; i++) {
                UUID id = new UUID(in.readLong(), in.readLong());
                long posted = in.readLong();
                int category = in.readInt();
                byte flags = in.readByte();
                if (category < -1 || category >= names) {
                    throw new IOException(file + " names category " + category + " of " + names);
                }
                entries.add(new Entry(id, posted, category, flags));
            }
            return new Contents(categories, entries);
        }
    }
}
