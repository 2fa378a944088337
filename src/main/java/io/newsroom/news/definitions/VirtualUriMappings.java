package io.newsroom.news.definitions;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The light module's {@code virtualUriMappings/*.yaml} ({@code RegexpVirtualUriMapping}: a
 * {@code fromUri} regex and a {@code forward:} target with {@code $1} groups), applied by the
 * embedded site as Magnolia applies them.
 */
public final class VirtualUriMappings {
    /** Files the embedded site knows of when it reads the module from the classpath (no listing there). */
    static final List<String> KNOWN_FILES =
            List.of("virtualUriMappings/articles.yaml", "virtualUriMappings/categories.yaml");

    public record Mapping(Pattern from, String to) {
        Optional<String> apply(String uri) {
            Matcher m = from.matcher(uri);
            if (!m.matches()) {
                return Optional.empty();
            }
            String target = to;
            for (int g = m.groupCount(); g >= 1; g--) {
                target = target.replace("$" + g, m.group(g));
            }
            return Optional.of(target);
        }
    }

    private final List<Mapping> mappings;

    private VirtualUriMappings(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public static VirtualUriMappings load(LightModule module) throws IOException {
        List<String> files = new ArrayList<>();
        if (module.folder().isPresent()) {
            Path folder = module.folder().get().resolve("virtualUriMappings");
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.yaml")) {
                    stream.forEach(p -> files.add("virtualUriMappings/" + p.getFileName()));
                }
                files.sort(null); // the first mapping that matches wins: the same order on every machine
            }
        } else {
            KNOWN_FILES.stream().filter(module::exists).forEach(files::add);
        }
        List<Mapping> mappings = new ArrayList<>();
        for (String file : files) {
            Object tree = module.yaml(file);
            if (!(tree instanceof Map<?, ?> map) || map.get("fromUri") == null || map.get("toUri") == null) {
                throw new IllegalArgumentException(file + " needs fromUri and toUri");
            }
            String to = String.valueOf(map.get("toUri"));
            if (!to.startsWith("forward:")) {
                throw new IllegalArgumentException(file + ": the embedded site follows forward: mappings only");
            }
            mappings.add(new Mapping(
                    Pattern.compile(String.valueOf(map.get("fromUri"))), to.substring("forward:".length())));
        }
        return new VirtualUriMappings(mappings);
    }

    /** The forward target of the first mapping that matches, e.g. {@code /news/article.html?article=/2020/10/x}. */
    public Optional<String> map(String uri) {
        for (Mapping mapping : mappings) {
            Optional<String> target = mapping.apply(uri);
            if (target.isPresent()) {
                return target;
            }
        }
        return Optional.empty();
    }

    public List<Mapping> mappings() {
        return mappings;
    }
}
