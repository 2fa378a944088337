package io.newsroom.news.templating;

import io.newsroom.news.article.Article;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * An article as templates see it: plain getters (every FreeMarker object wrapper reads them, in
 * Magnolia and here), the posted date already formatted in the site's time zone, and the
 * article's readable URL ({@code /news/2020/10/<name>.html}, without context path or language).
 */
public final class ArticleView {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    public static final String URL_PREFIX = "/news";

    private final Article article;
    private final ZoneId zone;

    public ArticleView(Article article, ZoneId zone) {
        this.article = article;
        this.zone = zone;
    }

    public Article article() {
        return article;
    }

    public String getId() {
        return article.id();
    }

    public String getPath() {
        return article.path();
    }

    public String getName() {
        return article.name();
    }

    public String getTitle() {
        return article.title();
    }

    public String getLead() {
        return article.lead();
    }
    /** Sanitised when saved; templates may print it without escaping. */
    public String getBody() {
        return article.body();
    }

    public String getImage() {
        return article.image();
    }

    public String getImageAlt() {
        return article.imageAlt();
    }

    public String getImageCaption() {
        return article.imageCaption();
    }

    public String getImageCredit() {
        return article.imageCredit();
    }

    public String getCategory() {
        return article.category();
    }

    public String getAuthor() {
        return article.author();
    }

    public boolean isFeatured() {
        return article.featured();
    }

    public Long getFeaturedRank() {
        return article.featuredRank();
    }

    public Date getPostedDate() {
        return Date.from(article.postedDate());
    }

    /** {@code 27/10/2020} in the site's time zone. */
    public String getDate() {
        return DATE.format(article.postedDate().atZone(zone));
    }

    /** {@code 10:28} in the site's time zone. */
    public String getTime() {
        return TIME.format(article.postedDate().atZone(zone));
    }

    /** {@code 2020-10-27T10:28:00+07:00}, for {@code <time datetime>} and structured data. */
    public String getIsoDate() {
        return iso(article.postedDate());
    }

    public String getIsoModified() {
        return iso(article.lastModified() != null ? article.lastModified() : article.postedDate());
    }

    /** The article's readable URL below the site root. */
    public String getUrl() {
        return URL_PREFIX + article.path() + ".html";
    }

    private String iso(Instant instant) {
        return ISO.format(instant.atZone(zone));
    }
}
