package io.newsroom.news.site;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import javax.jcr.RepositoryException;

import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ContentTypeDefinition;
import io.newsroom.news.article.ContentTypeReader;

/**
 * The embedded runtime's parts, wired once: the repository with the article content type
 * registered from the light module, and the article repository on top of it.
 */
public final class NewsRuntime implements AutoCloseable {
    public static final String ARTICLE_TYPE_FILE = "contentTypes/article.yaml";

    private final RuntimeConfig config;
    private final LightModule lightModule;
    private final EmbeddedRepository repository;
    private final ContentTypeDefinition articleType;
    private final ArticleRepository articles;

    private NewsRuntime(RuntimeConfig config, LightModule lightModule, EmbeddedRepository repository,
                        ContentTypeDefinition articleType, Clock clock) {
        this.config = config;
        this.lightModule = lightModule;
        this.repository = repository;
        this.articleType = articleType;
        this.articles = new ArticleRepository(repository.sessions(), articleType.workspace(),
                articleType.nodeType(), config.siteZone(), clock);
    }

    public static NewsRuntime start(RuntimeConfig config) throws RepositoryException, IOException {
        return start(config, LightModule.locate(), Clock.systemUTC());
    }

    public static NewsRuntime start(RuntimeConfig config, LightModule lightModule, Clock clock)
            throws RepositoryException, IOException {
        ContentTypeDefinition articleType;
        try (InputStream yaml = lightModule.open(ARTICLE_TYPE_FILE)) {
            articleType = ContentTypeReader.read("article", yaml);
        }
        EmbeddedRepository repository = config.inMemory()
                ? EmbeddedRepository.inMemory()
                : EmbeddedRepository.persistent(config.dataFolder());
        try {
            if (articleType.autoCreate()) {
                repository.register(articleType);
            }
            return new NewsRuntime(config, lightModule, repository, articleType, clock);
        } catch (RepositoryException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    public RuntimeConfig config() { return config; }
    public LightModule lightModule() { return lightModule; }
    public EmbeddedRepository repository() { return repository; }
    public ContentTypeDefinition articleType() { return articleType; }
    public ArticleRepository articles() { return articles; }

    @Override
    public void close() {
        repository.close();
    }
}
