package io.newsroom.news.embedded.server;

import io.newsroom.news.definitions.Messages;
import io.newsroom.news.templating.ArticleView;
import io.newsroom.news.templating.NewsFunctions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /news/feed.xml} and {@code /en/news/feed.xml}: the newest articles as RSS 2.0 in the feed's
 * language (its links lead to pages in that language), written with an XML writer (escaping included).
 */
final class RssFeed {
    static final int ITEMS = 20;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final NewsFunctions newsfn;
    private final Messages messages;

    RssFeed(NewsFunctions newsfn, Messages messages) {
        this.newsfn = newsfn;
        this.messages = messages;
    }

    void write(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        // The feed of the English site lists the articles' published English versions.
        List<ArticleView> articles = newsfn.in(locale).latest(ITEMS);
        String home = newsfn.absoluteUrl(request, request.getContextPath() + newsfn.localized("/", locale));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", messages.get(locale, "news.site.name"));
            element(xml, "link", home);
            element(xml, "description", messages.get(locale, "news.site.footer"));
            element(xml, "language", locale.equals(Messages.VIETNAMESE) ? "vi-VN" : "en");
            if (!articles.isEmpty()) {
                element(
                        xml,
                        "lastBuildDate",
                        RFC_822.format(articles.get(0).getPostedDate().toInstant()));
            }
            for (ArticleView article : articles) {
                String link = newsfn.absoluteUrl(request, request.getContextPath() + newsfn.link(article, locale));
                xml.writeStartElement("item");
                element(xml, "title", article.getTitle());
                element(xml, "link", link);
                if (article.getLead() != null) {
                    element(xml, "description", article.getLead());
                }
                if (article.getCategory() != null) {
                    element(xml, "category", article.getCategory());
                }
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters(article.getId());
                xml.writeEndElement();
                element(
                        xml,
                        "pubDate",
                        RFC_822.format(
                                Instant.ofEpochMilli(article.getPostedDate().getTime())));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write the feed", e);
        }
        ConditionalResponse.send(
                request, response, out.toString(), "application/rss+xml;charset=UTF-8", ConditionalResponse.PAGES);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
