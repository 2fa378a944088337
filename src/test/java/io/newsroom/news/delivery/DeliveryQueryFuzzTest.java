package io.newsroom.news.delivery;

import static io.newsroom.news.TestArticles.draft;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the delivery query parser, with every parsed query run against a real repository: any
 * parameters give results or a documented {@link ApiError} (400), never another exception (the
 * Lucene "too many clauses" and XPath parser overflows of old were 500s).
 */
class DeliveryQueryFuzzTest {
    private static NewsRuntime runtime;

    @BeforeContainer
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        for (int i = 0; i < 5; i++) {
            runtime.articles().create(draft("Tin thử " + i, Instant.now().minusSeconds(3600L * i)), "t");
        }
    }

    @AfterContainer
    static void stop() {
        runtime.close();
    }

    @Property
    void anyParametersGiveResultsOrA400(@ForAll("parameters") Map<String, String[]> parameters) throws Exception {
        DeliveryQueryParser parser = new DeliveryQueryParser(RuntimeConfig.DEFAULT_ZONE);
        ArticleQuery query;
        try {
            query = parser.parse(parameters);
        } catch (ApiError e) {
            assertEquals(400, e.status(), e.toString());
            return;
        }
        assertNotNull(runtime.articles().list(query));
    }

    /** Found by the property above: a list of nothing ({@code category[in]=,}) was a 500. */
    @Example
    void anEmptyListIsA400() throws Exception {
        for (String raw : new String[] {",", ",,", ""}) {
            try {
                new DeliveryQueryParser(RuntimeConfig.DEFAULT_ZONE).parse(Map.of("category[in]", new String[] {raw}));
            } catch (ApiError e) {
                assertEquals(400, e.status(), raw);
            }
        }
    }

    @Provide
    Arbitrary<Map<String, String[]>> parameters() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of(
                        "limit",
                        "offset",
                        "orderBy",
                        "q",
                        "lang",
                        "title",
                        "category",
                        "postedDate",
                        "featured",
                        "featuredRank",
                        "@name",
                        "@ancestor",
                        "jcr:uuid",
                        "title[like]",
                        "category[in]",
                        "category[not-in]",
                        "postedDate[in]",
                        "postedDate[gte]",
                        "featuredRank[lt]",
                        "featured[ne]",
                        "x[eq]",
                        "title[zz]"),
                Arbitraries.strings().all().ofMaxLength(20));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of(
                        "10",
                        "-1",
                        "0",
                        "101",
                        "2026-01-01",
                        "2026-01-01~2026-02-01",
                        "~",
                        "a,b,c",
                        "true",
                        "postedDate desc",
                        "title asc,postedDate",
                        "/2026",
                        "/../x",
                        "'\"]",
                        "*",
                        "\\u0000",
                        " ",
                        "%20"),
                Arbitraries.strings().withChars("ab, ~").ofMaxLength(3000));
        Arbitrary<String[]> arrays = values.list().ofMinSize(1).ofMaxSize(3).map(l -> l.toArray(String[]::new));
        return Combinators.combine(names, arrays)
                .as(Map::entry)
                .list()
                .ofMaxSize(5)
                .map(entries -> {
                    Map<String, String[]> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
    }
}
