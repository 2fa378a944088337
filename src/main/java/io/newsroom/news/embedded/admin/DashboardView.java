package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.jcr.RepositoryException;

/**
 * The numbers editors look at: how many articles, how many featured, views today and in the last
 * 30 days, the ten most read of the last 7 and 30 days (each opens its article), and views per day
 * as a chart with dates and values. Cards and lists wrap onto a phone's width.
 */
public class DashboardView extends VerticalLayout {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM", Locale.ROOT);
    private final AdminContext admin = AdminContext.current();

    public DashboardView() {
        add(new H2(admin.text("news.admin.nav.dashboard")));
        Map<LocalDate, Long> perDay = admin.counter().viewsPerDay(30);
        long last30 = perDay.values().stream().mapToLong(Long::longValue).sum();
        long today = perDay.isEmpty()
                ? 0
                : perDay.get(perDay.keySet().stream().max(LocalDate::compareTo).orElseThrow());
        HorizontalLayout totals = new HorizontalLayout(
                tile("total-articles", "news.admin.dashboard.articles", count(ArticleQuery.newest(1))),
                tile(
                        "total-featured",
                        "news.admin.dashboard.featured",
                        count(ArticleQuery.newest(1).featuredOnly())),
                tile("views-today", "news.admin.dashboard.viewsToday", today),
                tile("views-30", "news.admin.dashboard.views30", last30));
        totals.setWidthFull();
        totals.setWrap(true);
        HorizontalLayout tops = new HorizontalLayout(top("top-7", 7), top("top-30", 30));
        tops.setWidthFull();
        tops.setWrap(true);
        Div chart =
                new Div(new H3(admin.text("news.admin.dashboard.chart")), new ViewsChart(admin, "views-chart", perDay));
        chart.setWidthFull();
        add(totals, tops, chart);
    }

    private Div tile(String id, String labelKey, long value) {
        Div tile = new Div();
        tile.setId(id);
        tile.getStyle()
                .set("padding", "1rem")
                .set("border-radius", "8px")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("min-width", "10rem");
        Span number = new Span(String.format(admin.locale(), "%,d", value));
        number.addClassName("value");
        number.getStyle().set("font-size", "1.8rem").set("font-weight", "600").set("display", "block");
        tile.add(number, new Span(admin.text(labelKey)));
        return tile;
    }

    private VerticalLayout top(String id, int days) {
        VerticalLayout box = new VerticalLayout(new H3(admin.text("news.admin.dashboard.top", days)));
        box.setId(id);
        box.setPadding(false);
        box.getStyle().set("flex", "1 1 18rem").set("min-width", "0");
        OrderedList list = new OrderedList();
        for (Map.Entry<String, Long> entry : admin.counter().mostRead(days, 10).entrySet()) {
            title(entry.getKey()).ifPresent(title -> {
                // Each opens its article in the editor.
                Anchor open = new Anchor("article?id=" + entry.getKey(), title);
                open.addClassName("top-article");
                list.add(new ListItem(open, new Span(" - " + entry.getValue())));
            });
        }
        if (list.getChildren().findAny().isEmpty()) {
            box.add(new Span(admin.text("news.components.mostRead.empty")));
        } else {
            box.add(list);
        }
        return box;
    }

    private long count(ArticleQuery query) {
        try {
            return admin.articles().count(query);
        } catch (RepositoryException e) {
            return 0;
        }
    }

    private Optional<String> title(String id) {
        try {
            return admin.articles().findById(id).map(Article::title);
        } catch (RepositoryException e) {
            return Optional.empty();
        }
    }
}
