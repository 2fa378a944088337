package io.newsroom.news.embedded.server;

import io.newsroom.news.archive.ArchiveIndex;
import io.newsroom.news.archive.ArchivePage;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.ArticleRepository;
import io.newsroom.news.article.Audience;
import io.newsroom.news.templating.ArticleView;
import io.newsroom.news.templating.NewsFunctions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.jcr.RepositoryException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /sitemap.xml} and {@code /robots.txt} for search engines: the home and news pages and every
 * article readers see, each in every language (with {@code hreflang} alternates) and with its last
 * change. Past {@link #ARTICLES_PER_FILE} articles, {@code /sitemap.xml} is an index of
 * {@code /sitemap-1.xml}, {@code /sitemap-2.xml}... (a sitemap holds at most 50,000 addresses).
 */
final class Sitemap {
    static final int ARTICLES_PER_FILE = 10_000;
    private static final int READ = 1000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final ArticleRepository articles;
    private final ArchiveIndex archive;
    private final NewsFunctions newsfn;
    private final Clock clock;
    private final ZoneId zone;

    Sitemap(ArticleRepository articles, ArchiveIndex archive, NewsFunctions newsfn, Clock clock) {
        this.articles = articles;
        this.archive = archive;
        this.newsfn = newsfn;
        this.clock = clock;
        this.zone = articles.siteZone();
    }

    void robots(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = "User-agent: *\nDisallow: /admin/\nDisallow: /.news/\n\nSitemap: "
                + newsfn.absoluteUrl(request, request.getContextPath() + "/sitemap.xml") + "\n";
        ConditionalResponse.send(request, response, text, "text/plain;charset=UTF-8", ConditionalResponse.PAGES);
    }

    /** {@code file} 0 for {@code /sitemap.xml}, n for {@code /sitemap-n.xml}; false when there is no such file. */
    boolean write(HttpServletRequest request, HttpServletResponse response, int file)
            throws IOException, RepositoryException {
        Instant now = clock.instant();
        ArticleQuery visible = Audience.READERS.visibleAt(ArticleQuery.newest(1), now);
        Optional<ArchivePage> listed = archive.answer(ArticleQuery.newest(1), Audience.READERS, now);
        long total = listed.isPresent() ? listed.get().total() : articles.count(visible);
        int files = (int) Math.max(1, (total + ARTICLES_PER_FILE - 1) / ARTICLES_PER_FILE);
        if (file < 0 || file > files || (file > 0 && files == 1)) {
            return false;
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            if (file == 0 && files > 1) {
                xml.writeStartElement("sitemapindex");
                xml.writeDefaultNamespace(NS);
                for (int i = 1; i <= files; i++) {
                    xml.writeStartElement("sitemap");
                    element(
                            xml,
                            "loc",
                            newsfn.absoluteUrl(request, request.getContextPath() + "/sitemap-" + i + ".xml"));
                    xml.writeEndElement();
                }
            } else {
                xml.writeStartElement("urlset");
                xml.writeDefaultNamespace(NS);
                xml.writeNamespace("xhtml", XHTML);
                int page = Math.max(1, file) - 1;
                if (page == 0) {
                    for (String path : List.of("/", "/news")) {
                        url(xml, request, path, null);
                    }
                }
                // Read a thousand at a time (the most one query returns), newest first.
                for (long from = (long) page * ARTICLES_PER_FILE;
                        from < (page + 1L) * ARTICLES_PER_FILE;
                        from += READ) {
                    List<Article> batch = batch(visible, from, now);
                    for (Article article : batch) {
                        String lastModified = (article.lastModified() != null
                                        ? article.lastModified()
                                        : article.postedDate())
                                .atZone(zone)
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                        articleUrls(xml, request, article, now, lastModified);
                    }
                    if (batch.size() < READ) {
                        break;
                    }
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        ConditionalResponse.send(
                request, response, out.toString(), "application/xml;charset=UTF-8", ConditionalResponse.PAGES);
        return true;
    }

    /** A thousand articles from {@code from} on, newest first: named by the archive index once it is read. */
    private List<Article> batch(ArticleQuery visible, long from, Instant now) throws RepositoryException {
        Optional<ArchivePage> listed =
                archive.answer(ArticleQuery.newest(READ).page(from, READ), Audience.READERS, now);
        if (listed.isPresent()) {
            return articles.findAllById(listed.get().ids());
        }
        return articles.items(
                visible.withSort(List.of(ArticleQuery.Sort.desc("postedDate"))).page(from, READ));
    }

    /**
     * An article's address in each language readers can read it in (the English one only where its English
     * version is published, at its own address), each naming the others as alternates.
     */
    private void articleUrls(
            XMLStreamWriter xml, HttpServletRequest request, Article article, Instant now, String lastModified)
            throws XMLStreamException {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        for (var language : newsfn.languages()) {
            String shownIn = newsfn.isDefaultLanguage(language.code()) ? null : language.code();
            Audience.READERS
                    .inLanguage(article, shownIn, now)
                    .filter(shown -> shownIn == null || Article.isTranslatedLanguage(shownIn))
                    .ifPresent(shown -> versions.put(
                            language.code(),
                            newsfn.absoluteUrl(
                                    request,
                                    request.getContextPath()
                                            + newsfn.link(new ArticleView(shown, zone), language.code()))));
        }
        for (String loc : versions.values()) {
            xml.writeStartElement("url");
            element(xml, "loc", loc);
            element(xml, "lastmod", lastModified);
            if (versions.size() > 1) {
                for (var alternate : versions.entrySet()) {
                    xml.writeEmptyElement("xhtml", "link", XHTML);
                    xml.writeAttribute("rel", "alternate");
                    xml.writeAttribute("hreflang", alternate.getKey());
                    xml.writeAttribute("href", alternate.getValue());
                }
            }
            xml.writeEndElement();
        }
    }

    /** One address per language, each naming all of them as alternates. */
    private void url(XMLStreamWriter xml, HttpServletRequest request, String path, String lastModified)
            throws XMLStreamException {
        for (var language : newsfn.languages()) {
            xml.writeStartElement("url");
            element(xml, "loc", address(request, path, language.code()));
            if (lastModified != null) {
                element(xml, "lastmod", lastModified);
            }
            for (var alternate : newsfn.languages()) {
                xml.writeEmptyElement("xhtml", "link", XHTML);
                xml.writeAttribute("rel", "alternate");
                xml.writeAttribute("hreflang", alternate.code());
                xml.writeAttribute("href", address(request, path, alternate.code()));
            }
            xml.writeEndElement();
        }
    }

    private String address(HttpServletRequest request, String path, String language) {
        return newsfn.absoluteUrl(
                request, request.getContextPath() + newsfn.localized(path, Locale.forLanguageTag(language)));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
