package io.newsroom.news.magnolia;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the light module's YAML the way Magnolia accepts it: its own tags ({@code !content-type:x},
 * {@code !include:...}, {@code !inherit:...}, {@code !override}) are allowed and recorded, any
 * other unknown tag is an error.
 */
final class MagnoliaYaml {
    static final Path MODULE = Path.of("light-modules/news");

    /** One parsed file: its tree and the Magnolia tags it used. */
    record File(Path path, Object tree, List<String> tags) {
        String relative() {
            return MODULE.relativize(path).toString().replace('\\', '/');
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) tree;
        }
    }

    private MagnoliaYaml() {}

    static Map<String, File> all() throws IOException {
        Map<String, File> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(MODULE)) {
            for (Path path : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                File file = read(path);
                files.put(file.relative(), file);
            }
        }
        return files;
    }

    static File read(Path path) throws IOException {
        List<String> tags = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object tree = new Yaml(new TolerantConstructor(tags)).load(reader);
            return new File(path, tree, tags);
        }
    }

    private static final class TolerantConstructor extends SafeConstructor {
        TolerantConstructor(List<String> tags) {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!(tag.startsWith("!content-type:")
                            || tag.startsWith("!include")
                            || tag.startsWith("!inherit")
                            || tag.equals("!override"))) {
                        throw new IllegalArgumentException("Unknown YAML tag " + tag
                                + " (Magnolia knows !content-type, " + "!include, !inherit, !override)");
                    }
                    tags.add(tag);
                    if (node instanceof MappingNode mapping) {
                        return constructMapping(mapping);
                    }
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    return constructScalar((ScalarNode) node);
                }
            });
        }
    }
}
