package io.newsroom.news.templating;

import java.util.List;

/**
 * schema.org {@code NewsArticle} JSON-LD. Written by hand because it is six fields; every string
 * is JSON-escaped and {@code <} becomes {@code \u003c}, so no value can close the script element.
 */
final class StructuredData {

    private StructuredData() {}

    static String newsArticle(ArticleView article, String pageUrl, String siteName) {
        return newsArticle(article, pageUrl, siteName, null);
    }

    /** With {@code imageUrl} (absolute, the image's Open Graph rendition) as the article's image. */
    static String newsArticle(ArticleView article, String pageUrl, String siteName, String imageUrl) {
        StringBuilder json = new StringBuilder("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
        field(json, "headline", article.getTitle());
        field(json, "description", article.getLead());
        field(json, "datePublished", article.getIsoDate());
        field(json, "dateModified", article.getIsoModified());
        field(json, "articleSection", article.getCategory());
        field(json, "mainEntityOfPage", pageUrl);
        if (imageUrl != null && !imageUrl.isBlank()) {
            if (article.getImageCaption() == null && article.getImageCredit() == null) {
                field(json, "image", imageUrl);
            } else {
                // With its caption and credit, the image is an ImageObject.
                json.append(",\"image\":{\"@type\":\"ImageObject\"");
                field(json, "url", imageUrl);
                field(json, "caption", article.getImageCaption());
                field(json, "creditText", article.getImageCredit());
                json.append('}');
            }
        }
        if (article.getAuthor() != null) {
            json.append(",\"author\":{\"@type\":\"Person\"");
            field(json, "name", article.getAuthor());
            json.append('}');
        }
        if (siteName != null) {
            json.append(",\"publisher\":{\"@type\":\"Organization\"");
            field(json, "name", siteName);
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** A {@code BreadcrumbList}: each name at its absolute URL, in order. */
    static String breadcrumbs(List<String> names, List<String> urls) {
        StringBuilder json = new StringBuilder(
                "{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\",\"itemListElement\":[");
        for (int i = 0; i < names.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"@type\":\"ListItem\",\"position\":")
                    .append(i + 1);
            field(json, "name", names.get(i));
            field(json, "item", i < urls.size() ? urls.get(i) : null);
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        json.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '<' -> json.append("\\u003c");
                case '>' -> json.append("\\u003e");
                case '&' -> json.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
