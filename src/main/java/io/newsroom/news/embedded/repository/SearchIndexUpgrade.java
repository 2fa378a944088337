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
 * A data folder made before the current search: Jackrabbit keeps each workspace's configuration
 * as it was when the workspace was created, so a {@code news} workspace without an analyzer gets the
 * {@link FoldingAnalyzer} written into its {@code workspace.xml}, and one indexed by an older analyzer
 * (its {@code search-analyzer.version} mark) has its index removed; Jackrabbit rebuilds it from the
 * content on this start. Runs before the repository starts; does nothing to a current workspace.
 */
public final class SearchIndexUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexUpgrade.class);
    private static final Pattern SEARCH_INDEX = Pattern.compile("<SearchIndex\\b[^>]*>");

    private SearchIndexUpgrade() {}

    /**
     * What the index holds, as this runtime's analyzer writes it; a workspace whose index was written by an
     * older one is indexed again once. 2: words with accents also kept as written ({@link FoldingAnalyzer}).
     */
    static final String ANALYZER_VERSION = "2";

    private static final String MARK = "search-analyzer.version";

    /**
     * Before the repository starts: the analyzer into a workspace made without one, and the index of a
     * workspace indexed by an older analyzer removed, which Jackrabbit rebuilds from the content on this
     * start. Whether the index will be rebuilt.
     */
    public static boolean apply(Path workspaceFolder) throws IOException {
        Path config = workspaceFolder.resolve("workspace.xml");
        if (!Files.isRegularFile(config)) {
            return false;
        }
        String xml = Files.readString(config, StandardCharsets.UTF_8);
        Matcher index = SEARCH_INDEX.matcher(xml);
        if (!index.find()) {
            return false;
        }
        boolean noAnalyzer = !xml.contains("name=\"analyzer\"");
        if (!noAnalyzer && isCurrent(workspaceFolder)) {
            return false;
        }
        if (noAnalyzer) {
            String upgraded = xml.substring(0, index.end())
                    + "\n    <param name=\"analyzer\" value=\"" + FoldingAnalyzer.class.getName() + "\"/>"
                    + xml.substring(index.end());
            Path temp = config.resolveSibling("workspace.xml.new");
            Files.writeString(temp, upgraded, StandardCharsets.UTF_8);
            Files.move(temp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Path indexFolder = workspaceFolder.resolve("index");
        if (Files.exists(indexFolder)) {
            try (Stream<Path> files = Files.walk(indexFolder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        mark(workspaceFolder);
        LOG.info(
                "The search index of {} is rebuilt once (this can take minutes for a large archive), for searches"
                        + " with or without accents",
                workspaceFolder.getFileName());
        return true;
    }

    /** After the repository started: a workspace it has just made is indexed by the current analyzer. */
    public static void markNew(Path workspaceFolder) throws IOException {
        if (Files.isRegularFile(workspaceFolder.resolve("workspace.xml"))
                && !Files.exists(workspaceFolder.resolve(MARK))) {
            mark(workspaceFolder);
        }
    }

    private static boolean isCurrent(Path workspaceFolder) throws IOException {
        Path mark = workspaceFolder.resolve(MARK);
        return Files.isRegularFile(mark)
                && Files.readString(mark, StandardCharsets.UTF_8).strip().equals(ANALYZER_VERSION);
    }

    private static void mark(Path workspaceFolder) throws IOException {
        Files.writeString(workspaceFolder.resolve(MARK), ANALYZER_VERSION + "\n", StandardCharsets.UTF_8);
    }
}
