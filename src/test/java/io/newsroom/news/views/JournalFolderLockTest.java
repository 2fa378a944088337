package io.newsroom.news.views;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One view counter per journal folder: a second owner is refused, in this JVM and from another process. */
class JournalFolderLockTest {

    @TempDir
    Path folder;

    private static ViewCounter counter(NewsRuntime runtime, Path journal) throws Exception {
        ViewSettings settings = runtime.viewCounter().settings().withJournalFolder(journal);
        return ViewCounter.start(
                settings,
                new StatsStore(
                        runtime.repository().sessions(),
                        settings.siteZone(),
                        Clock.systemUTC(),
                        settings.retentionDays()),
                runtime.articles(),
                Clock.systemUTC());
    }

    @Test
    void aSecondCounterOnTheSameFolderIsRefusedUntilTheFirstHasClosed() throws Exception {
        try (NewsRuntime runtime =
                NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), Clock.systemUTC())) {
            Path journal = folder.resolve("journal");
            ViewCounter first = counter(runtime, journal);
            JournalFolderLock.JournalInUseException refused =
                    assertThrows(JournalFolderLock.JournalInUseException.class, () -> counter(runtime, journal));
            assertTrue(refused.getMessage().contains(journal.toAbsolutePath().toString()), refused.getMessage());
            assertTrue(
                    refused.getMessage().contains("newsroom.news.views.journal"),
                    "says what to do: " + refused.getMessage());

            first.close();
            counter(runtime, journal).close(); // the folder is free again
        }
    }

    @Test
    void aFolderHeldByAnotherProcessIsRefused() throws Exception {
        Path journal = folder.resolve("journal");
        String classpath = Path.of("target", "classes").toAbsolutePath()
                + File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        Process holder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        JournalFolderHolder.class.getName(),
                        journal.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(JournalFolderHolder.HOLDING, out.readLine(), "the other process holds the folder");
            assertThrows(JournalFolderLock.JournalInUseException.class, () -> JournalFolderLock.take(journal));
        } finally {
            holder.destroy();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        JournalFolderLock.take(journal).close(); // let go when that process ended
    }
}
