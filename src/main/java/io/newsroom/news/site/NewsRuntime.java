package io.newsroom.news.site;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.ContentTypeDefinition;
import io.newsroom.news.article.ContentTypeReader;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.views.ViewCounts;

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
    private final Messages messages;
    private final ArticleCache cache;
    private final Session observationSession;
    private final NewsFunctions newsFunctions;
    private final PageRenderer pageRenderer;
    private final VirtualUriMappings virtualUriMappings;

    private NewsRuntime(RuntimeConfig config, LightModule lightModule, EmbeddedRepository repository,
                        ContentTypeDefinition articleType, Clock clock) throws RepositoryException, IOException {
        this.config = config;
        this.lightModule = lightModule;
        this.repository = repository;
        this.articleType = articleType;
        this.articles = new ArticleRepository(repository.sessions(), articleType.workspace(),
                articleType.nodeType(), config.siteZone(), clock);
        this.messages = Messages.load(lightModule);
        this.cache = new ArticleCache(articles, clock);
        // Kept open for the runtime's life: JCR observation delivers events to its session's listeners.
        this.observationSession = repository.login(articleType.workspace());
        articles.observe(observationSession);
        this.newsFunctions = new NewsFunctions(articles, cache, ViewCounts.NONE, clock, Messages.VIETNAMESE.getLanguage());
        this.pageRenderer = new PageRenderer(lightModule, new TemplateDefinitions(lightModule), messages, newsFunctions);
        this.virtualUriMappings = VirtualUriMappings.load(lightModule);
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
            repository.ensureWorkspace(SiteServlet.WEBSITE);
            return new NewsRuntime(config, lightModule, repository, articleType, clock);
        } catch (RepositoryException | IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    public RuntimeConfig config() { return config; }
    public LightModule lightModule() { return lightModule; }
    public EmbeddedRepository repository() { return repository; }
    public ContentTypeDefinition articleType() { return articleType; }
    public ArticleRepository articles() { return articles; }
    public Messages messages() { return messages; }
    public ArticleCache cache() { return cache; }
    public NewsFunctions newsFunctions() { return newsFunctions; }
    public PageRenderer pageRenderer() { return pageRenderer; }
    public VirtualUriMappings virtualUriMappings() { return virtualUriMappings; }

    @Override
    public void close() {
        observationSession.logout();
        repository.close();
    }
}
