package io.newsroom.news.definitions;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The light module's files: the project's {@code light-modules/news/} folder when there is one
 * (edits show up without a build), otherwise the copy packed in the jar under {@code news/},
 * where Magnolia reads a module's definitions too.
 */
public final class LightModule {
    public static final String NAME = "news";
    private static final Path PROJECT_FOLDER = Path.of("light-modules", NAME);

    private final Path folder;

    private LightModule(Path folder) {
        this.folder = folder;
    }

    /** The project folder if the working directory holds it, else the classpath copy. */
    public static LightModule locate() {
        return Files.isDirectory(PROJECT_FOLDER) ? new LightModule(PROJECT_FOLDER) : new LightModule(null);
    }

    /** The copy packed in the module jar under {@code news/}, as Magnolia reads it. */
    public static LightModule classpath() {
        return new LightModule(null);
    }

    public static LightModule at(Path folder) {
        return new LightModule(folder);
    }

    /** Where files come from, for the start-up log. */
    public String origin() {
        return folder != null ? folder.toAbsolutePath().toString() : "classpath:/" + NAME + "/";
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Opens a file by its path inside the module, e.g. {@code contentTypes/article.yaml}. */
    public InputStream open(String relativePath) throws IOException {
        if (relativePath.contains("..")) {
            throw new FileNotFoundException(relativePath);
        }
        if (folder != null) {
            return Files.newInputStream(folder.resolve(relativePath));
        }
        InputStream in = LightModule.class.getResourceAsStream("/" + NAME + "/" + relativePath);
        if (in == null) {
            throw new FileNotFoundException("classpath:/" + NAME + "/" + relativePath);
        }
        return in;
    }

    /** A YAML file of the module read as plain maps, lists and scalars (no object construction). */
    public Object yaml(String relativePath) throws IOException {
        try (InputStream in = open(relativePath)) {
            return new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    public boolean exists(String relativePath) {
        if (relativePath.contains("..")) {
            return false;
        }
        if (folder != null) {
            return Files.isRegularFile(folder.resolve(relativePath));
        }
        return LightModule.class.getResource("/" + NAME + "/" + relativePath) != null;
    }
}
