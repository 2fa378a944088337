package io.newsroom.news;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.article.ArticleNodes;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.article.ChangeObservation;
import io.newsroom.news.article.JcrSessions;
import io.newsroom.news.assets.ImageSizes;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.featured.ArticleCache;
import io.newsroom.news.publishing.ArticleVersions;
import io.newsroom.news.publishing.FeaturedRanks;
import io.newsroom.news.publishing.Publishing;
import io.newsroom.news.publishing.Reviews;
import io.newsroom.news.templating.NewsFunctions;
import io.newsroom.news.templating.RichTextLinks;
import io.newsroom.news.templating.SiteLanguages;
import io.newsroom.news.templating.TemplatingParts;
import io.newsroom.news.views.StatsStore;
import io.newsroom.news.views.ViewCounter;
import io.newsroom.news.views.ViewSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.jcr.RepositoryException;

/**
 * The module's parts, assembled in one place for both hosts: the article repository over the
 * content type's workspace, publishing (with versions where the host keeps them), the featured
 * order's rules, the in-memory featured cache kept fresh by observation, the view counter over
 * {@code news-stats}, the light module's messages and {@code newsfn}. A host says what it has
 * (sessions, observation, languages, links...) through {@link #builder}; it owns the result and
 * {@link #close}s it once.
 */
public final class NewsModule implements AutoCloseable {
    private final ArticleRepository articles;
    private final Publishing publishing;
    private final Reviews reviews;
    private final FeaturedRanks featuredRanks;
    private final ArchiveIndex archive;
    private final ArticleCache cache;
    private final ChangeObservation.Registration articleChanges;
    private final ViewCounter viewCounter;
    private final Messages messages;
    private final NewsFunctions newsFunctions;
    private final Audience readers;

    private NewsModule(Builder b) throws RepositoryException, IOException {
        this.readers = b.audience.readers();
        this.articles = new ArticleRepository(b.sessions, b.workspace, b.nodeType, b.zone, b.clock);
        ArticleVersions versions = b.maxVersions > 0
                ? new ArticleVersions(b.sessions, b.workspace, new ArticleNodes(b.zone), b.clock, b.maxVersions)
                : null;
        this.publishing = new Publishing(articles, b.clock, versions);
        this.reviews = new Reviews(articles, b.clock);
        this.archive = ArchiveIndex.start(articles, b.archiveSnapshot);
        this.cache = new ArticleCache(articles, archive, b.clock, b.audience);
        this.featuredRanks = new FeaturedRanks(articles, archive, cache);
        featuredRanks.renumberAfterChanges();
        this.articleChanges = articles.observe(b.observation);
        try {
            this.viewCounter = ViewCounter.start(
                    b.views,
                    new StatsStore(b.sessions, b.zone, b.clock, b.views.retentionDays()),
                    articles,
                    b.clock,
                    b.audience.readers());
        } catch (RepositoryException | IOException | RuntimeException e) {
            articleChanges.close();
            archive.close();
            throw e;
        }
        this.messages = Messages.load(b.lightModule);
        this.newsFunctions = new NewsFunctions(new TemplatingParts(
                articles,
                archive,
                cache,
                viewCounter,
                b.clock,
                b.languages,
                b.links,
                b.baseUrl,
                b.audience,
                b.imageSizes,
                b.resourceVersions,
                b.categoryNames,
                b.menu));
    }

    /** Starts describing the host: where units of work get sessions, how changes are heard, the site's zone and clock. */
    public static Builder builder(JcrSessions sessions, ChangeObservation observation, ZoneId zone, Clock clock) {
        return new Builder(sessions, observation, zone, clock);
    }

    public ArticleRepository articles() {
        return articles;
    }

    public Publishing publishing() {
        return publishing;
    }

    /** Review before publishing: the reporters' submissions and the editors' answers. */
    public Reviews reviews() {
        return reviews;
    }

    public FeaturedRanks featuredRanks() {
        return featuredRanks;
    }

    /** The archive's listings and categories, kept in memory once read. */
    public ArchiveIndex archive() {
        return archive;
    }

    public ArticleCache cache() {
        return cache;
    }

    public ViewCounter viewCounter() {
        return viewCounter;
    }

    public Messages messages() {
        return messages;
    }

    public NewsFunctions newsFunctions() {
        return newsFunctions;
    }

    /** Whose visibility rule the reader-facing endpoints (JSON, beacon) follow on this instance. */
    public Audience readers() {
        return readers;
    }

    /** Saves what is counted and stops listening; the host closes its repository afterwards. */
    @Override
    public void close() {
        try {
            viewCounter.close();
        } finally {
            // Stops listening before the host closes its repository, whatever the counter's close did.
            articleChanges.close();
            archive.close();
        }
    }

    /** What the host has; every setting has the default a reader-facing instance wants. */
    public static final class Builder {
        private final JcrSessions sessions;
        private final ChangeObservation observation;
        private final ZoneId zone;
        private final Clock clock;
        private String workspace = "news";
        private String nodeType = "news:article";
        private Audience audience = Audience.READERS;
        private ViewSettings views;
        private LightModule lightModule = LightModule.classpath();
        private SiteLanguages languages = SiteLanguages.of(
                Messages.LANGUAGES.stream().map(Locale::getLanguage).toList());
        private RichTextLinks links = RichTextLinks.NONE;
        private Supplier<String> baseUrl = () -> null;
        private int maxVersions;
        private Path archiveSnapshot;
        private ImageSizes imageSizes;
        private Function<String, String> resourceVersions;
        /** A category as shown in a language; the name articles have where the host knows no other. */
        private java.util.function.BiFunction<String, String, String> categoryNames = (category, language) -> category;

        private Builder(JcrSessions sessions, ChangeObservation observation, ZoneId zone, Clock clock) {
            this.sessions = sessions;
            this.observation = observation;
            this.zone = zone;
            this.clock = clock;
        }

        /** The content type's workspace and node type (default {@code news}, {@code news:article}). */
        public Builder articleType(String workspace, String nodeType) {
            this.workspace = workspace;
            this.nodeType = nodeType;
            return this;
        }

        /** Who pages are rendered for: readers (default) or editors, who preview drafts. */
        public Builder audience(Audience audience) {
            this.audience = audience;
            return this;
        }

        /** How views are counted (required: the journal folder is the host's to choose). */
        public Builder views(ViewSettings views) {
            this.views = views;
            return this;
        }

        /** Where the light module's files are read (default: the copy on the classpath). */
        public Builder lightModule(LightModule lightModule) {
            this.lightModule = lightModule;
            return this;
        }

        public Builder languages(SiteLanguages languages) {
            this.languages = languages;
            return this;
        }

        public Builder links(RichTextLinks links) {
            this.links = links;
            return this;
        }

        /** The site's public address for absolute links, or null where the request decides. */
        public Builder baseUrl(Supplier<String> baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Keeps this many versions of each article on publish (0, the default: the host versions content itself). */
        /** Where the archive index is kept between starts (null, the default: read from the repository at each start). */
        public Builder archiveSnapshot(Path file) {
            this.archiveSnapshot = file;
            return this;
        }

        public Builder keepVersions(int maxVersions) {
            this.maxVersions = maxVersions;
            return this;
        }

        public Builder imageSizes(ImageSizes imageSizes) {
            this.imageSizes = imageSizes;
            return this;
        }

        /** A web resource's fingerprint, where the host serves resources by fingerprint. */
        /** The site's menu in a language (none: the templates show their own links). */
        private Function<String, java.util.List<io.newsroom.news.pages.SiteMenu.Link>> menu =
                language -> java.util.List.of();

        /** Where the site's menu comes from: its pages, in the embedded runtime. */
        public Builder menu(Function<String, java.util.List<io.newsroom.news.pages.SiteMenu.Link>> menu) {
            this.menu = menu;
            return this;
        }

        /** How a category's name is shown in a language (its English name on the English site). */
        public Builder categoryNames(java.util.function.BiFunction<String, String, String> categoryNames) {
            this.categoryNames = categoryNames;
            return this;
        }

        public Builder resourceVersions(Function<String, String> resourceVersions) {
            this.resourceVersions = resourceVersions;
            return this;
        }

        public NewsModule start() throws RepositoryException, IOException {
            if (views == null) {
                throw new IllegalStateException(
                        "The view counter's settings are missing: call views(...) before start()");
            }
            return new NewsModule(this);
        }
    }
}
