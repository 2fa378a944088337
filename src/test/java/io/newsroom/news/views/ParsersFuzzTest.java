package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of what reads outside input in the view counter: beacon bodies and journal files. Any
 * input gives a documented answer (an id or none; entries or skipped records), never an exception.
 */
class ParsersFuzzTest {

    @Property
    void anyBeaconBodyGivesAnIdOrNone(@ForAll("bodies") String body) {
        String id = ViewBeaconServlet.articleId(body);
        assertTrue(id == null || body.contains("id"), "an id only from a body that names one");
        if (ViewBeaconServlet.isPlainIdField(body)) {
            assertEquals(id, body.substring(3), "the plain reading gives what the full one gives");
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(1100);
        Arbitrary<String> shaped = Arbitraries.of(
                        "id=", "id=0a1b-", "{\"id\":\"", "&id=", "id=%", "id=%zz", "\"id\" : \"", "preview=1&id=")
                .flatMap(prefix -> Arbitraries.strings().all().ofMaxLength(200).map(rest -> prefix + rest));
        Arbitrary<String> plainIds = Arbitraries.strings()
                .withChars("0123456789abcdefABCDEF-")
                .ofMaxLength(40)
                .map(rest -> "id=" + rest);
        return Arbitraries.oneOf(noise, shaped, plainIds);
    }

    @Property(tries = 100)
    void anyJournalBytesReadAsEntriesOrSkippedRecords(@ForAll("segments") byte[] content) throws IOException {
        Path folder = Files.createTempDirectory("journal-fuzz-");
        try {
            Files.write(folder.resolve("views-00000000000000000000.journal"), content);
            List<ViewJournal.Entry> read = new ArrayList<>();
            long end = ViewJournal.replayOnly(folder, 0, read::add);
            assertTrue(read.size() <= content.length / ViewJournal.RECORD_BYTES);
            assertEquals(content.length - content.length % ViewJournal.RECORD_BYTES, end, "the end is record-aligned");
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    @Provide
    Arbitrary<byte[]> segments() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(24 * 40);
    }
}
