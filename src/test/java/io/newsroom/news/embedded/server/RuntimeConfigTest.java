package io.newsroom.news.embedded.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    @Test
    void defaults() {
        RuntimeConfig config = RuntimeConfig.parse(new String[0], Map.of());
        assertEquals(8080, config.port());
        assertEquals(Path.of("news-data"), config.dataFolder());
        assertFalse(config.inMemory());
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), config.siteZone());
        assertTrue(config.demoContent());
        assertEquals(25L * 1024 * 1024, config.maxUploadBytes(), "a phone's photo as it comes");
    }

    @Test
    void theUploadLimitIsSetInMegabytesWithinReason() {
        assertEquals(
                40L * 1024 * 1024,
                RuntimeConfig.parse(new String[] {"--max-upload-mb", "40"}, Map.of())
                        .maxUploadBytes());
        assertEquals(
                10L * 1024 * 1024,
                RuntimeConfig.parse(new String[0], Map.of("NEWS_MAX_UPLOAD_MB", "10"))
                        .maxUploadBytes());
        assertMessage(
                "--max-upload-mb must be a whole number, 1 or more", new String[] {"--max-upload-mb", "0"}, Map.of());
        assertMessage("--max-upload-mb: at most 100", new String[] {"--max-upload-mb", "500"}, Map.of());
        assertMessage("NEWS_MAX_UPLOAD_MB must be a whole number", new String[0], Map.of("NEWS_MAX_UPLOAD_MB", "lots"));
    }

    @Test
    void environmentThenOptions() {
        Map<String, String> env = Map.of("NEWS_PORT", "9000", "NEWS_DATA", "/srv/news");
        assertEquals(9000, RuntimeConfig.parse(new String[0], env).port());
        assertEquals(
                Path.of("/srv/news"), RuntimeConfig.parse(new String[0], env).dataFolder());
        RuntimeConfig options =
                RuntimeConfig.parse(new String[] {"--port", "9100", "--data", "d", "--zone", "UTC", "--no-demo"}, env);
        assertEquals(9100, options.port());
        assertEquals(Path.of("d"), options.dataFolder());
        assertEquals(ZoneId.of("UTC"), options.siteZone());
        assertFalse(options.demoContent());
        assertTrue(RuntimeConfig.parse(new String[] {"--memory"}, env).inMemory());
    }

    @Test
    void badValuesAreExplained() {
        assertMessage("NEWS_PORT must be a port number", new String[0], Map.of("NEWS_PORT", "http"));
        assertMessage("--port must be a port number", new String[] {"--port", "70000"}, Map.of());
        assertMessage("needs a value", new String[] {"--data"}, Map.of());
        assertMessage("Unknown option '--colour'", new String[] {"--colour"}, Map.of());
        assertMessage("Unknown time zone 'Mars/Base'", new String[] {"--zone", "Mars/Base"}, Map.of());
    }

    private static void assertMessage(String expected, String[] args, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeConfig.parse(args, env));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theLoggingConfigurationsAreWellFormedXml() throws Exception {
        // logback falls back to its defaults (and prints a stack trace) on a malformed file: catch it here.
        for (String file : List.of("src/main/resources/logback.xml", "src/test/resources/logback-test.xml")) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(file));
        }
    }

    @Test
    void newSettingsAreReadAndBadOnesNamed() {
        RuntimeConfig config = RuntimeConfig.parse(
                new String[] {
                    "--trusted-proxies",
                    "10.0.0.0/8",
                    "--base-url",
                    "https://tin.example.vn/",
                    "--log-level",
                    "debug",
                    "--reset-admin-password"
                },
                Map.of());
        Assertions.assertTrue(config.trustedProxies().trusts("10.1.2.3"));
        Assertions.assertEquals("https://tin.example.vn", config.baseUrl().toString());
        Assertions.assertEquals("DEBUG", config.logLevel());
        Assertions.assertTrue(config.resetAdminPassword());
        IllegalArgumentException bad = Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> RuntimeConfig.parse(new String[0], Map.of("NEWS_BASE_URL", "tin.example.vn/news")));
        Assertions.assertTrue(bad.getMessage().contains("NEWS_BASE_URL"), bad.getMessage());
        Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> RuntimeConfig.parse(new String[] {"--trusted-proxies", "proxy.local"}, Map.of()));
    }
}
