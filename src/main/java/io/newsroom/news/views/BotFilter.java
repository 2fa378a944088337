package io.newsroom.news.views;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Known bots and crawlers, by user-agent fragments kept in {@code bots.txt}. */
public final class BotFilter {
    private final List<String> fragments;

    private BotFilter(List<String> fragments) {
        this.fragments = List.copyOf(fragments);
    }

    public static BotFilter standard() {
        try (InputStream in = BotFilter.class.getResourceAsStream("bots.txt")) {
            List<String> fragments = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String fragment = line.strip().toLowerCase(Locale.ROOT);
                if (!fragment.isEmpty() && !fragment.startsWith("#")) {
                    fragments.add(fragment);
                }
            }
            return new BotFilter(fragments);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bots.txt", e);
        }
    }

    /** A missing or empty user agent counts as a bot too: browsers always send one. */
    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            if (ua.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
