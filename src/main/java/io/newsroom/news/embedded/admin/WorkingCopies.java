package io.newsroom.news.embedded.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.news.article.ArticleDraft;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's unsaved form, kept every 30 seconds and on leaving, so a crash, a closed tab or a lost
 * connection costs nothing: the next time that editor opens the article the working copy is offered
 * back. One file per editor and article ({@code <folder>/<user>/<article id or "new">.json}), written
 * whole then renamed, removed once the article is saved or the copy discarded. Per node in a cluster.
 */
public final class WorkingCopies {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A kept copy: the form as it was, when, and the article version it started from. */
    record Copy(ArticleDraft draft, Instant kept, long baseVersion) {}

    private final Path folder;

    public WorkingCopies(Path folder) {
        this.folder = folder;
    }

    void keep(String user, String article, ArticleDraft draft, long baseVersion, Instant now) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("kept", now.toString());
        stored.put("baseVersion", baseVersion);
        for (ConflictMerge.Field field : ConflictMerge.Field.values()) {
            Object value = field.of(draft);
            stored.put(field.name(), value instanceof Instant instant ? instant.toString() : value);
        }
        try {
            Path file = file(user, article);
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "copy", ".tmp");
            JSON.writeValue(written.toFile(), stored);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A copy not kept costs only what the next one will keep; the form itself is untouched.
            org.slf4j.LoggerFactory.getLogger(WorkingCopies.class)
                    .warn("Keeping a working copy failed: {}", e.toString());
        }
    }

    Optional<Copy> find(String user, String article) {
        Path file = file(user, article);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> stored = JSON.readValue(file.toFile(), Map.class);
            ArticleDraft draft = new ArticleDraft();
            for (ConflictMerge.Field field : ConflictMerge.Field.values()) {
                field.set(draft, stored.get(field.name()));
            }
            return Optional.of(new Copy(
                    draft,
                    Instant.parse(String.valueOf(stored.get("kept"))),
                    ((Number) stored.get("baseVersion")).longValue()));
        } catch (IOException | RuntimeException e) {
            // Unreadable (a half-written file from before renames, an older shape): not offered.
            return Optional.empty();
        }
    }

    void discard(String user, String article) {
        try {
            Files.deleteIfExists(file(user, article));
        } catch (IOException e) {
            // Offered again next time; the editor can discard it then.
        }
    }

    private Path file(String user, String article) {
        return folder.resolve(URLEncoder.encode(user == null ? "-" : user, StandardCharsets.UTF_8))
                .resolve(URLEncoder.encode(article == null ? "new" : article, StandardCharsets.UTF_8) + ".json");
    }
}
