package io.newsroom.news.embedded.repository;

import io.newsroom.news.article.FoldingAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data folder made before accent-free search: Jackrabbit keeps each workspace's configuration
 * as it was when the workspace was created, so the {@code news} workspace gets the
 * {@link FoldingAnalyzer} written into its {@code workspace.xml} and its index removed, which
 * Jackrabbit rebuilds from the content on this start. Runs before the repository starts; does
 * nothing to a workspace that already has an analyzer.
 */
public final class SearchIndexUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexUpgrade.class);
    private static final Pattern SEARCH_INDEX = Pattern.compile("<SearchIndex\\b[^>]*>");

    private SearchIndexUpgrade() {}

    /** Whether the workspace's configuration was changed (and its index will be rebuilt). */
    public static boolean apply(Path workspaceFolder) throws IOException {
        Path config = workspaceFolder.resolve("workspace.xml");
        if (!Files.isRegularFile(config)) {
            return false;
        }
        String xml = Files.readString(config, StandardCharsets.UTF_8);
        Matcher index = SEARCH_INDEX.matcher(xml);
        if (!index.find() || xml.contains("name=\"analyzer\"")) {
            return false;
        }
        String upgraded = xml.substring(0, index.end())
                + "\n    <param name=\"analyzer\" value=\"" + FoldingAnalyzer.class.getName() + "\"/>"
                + xml.substring(index.end());
        Path temp = config.resolveSibling("workspace.xml.new");
        Files.writeString(temp, upgraded, StandardCharsets.UTF_8);
        Files.move(temp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path indexFolder = workspaceFolder.resolve("index");
        if (Files.exists(indexFolder)) {
            try (Stream<Path> files = Files.walk(indexFolder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        LOG.info(
                "The search index of {} is rebuilt once, for searches with or without accents",
                workspaceFolder.getFileName());
        return true;
    }
}
