package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import io.newsroom.news.archive.ArchivePage;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleQuery;
import io.newsroom.news.article.Publication;
import io.newsroom.news.publishing.FeaturedRanks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.jcr.RepositoryException;

/**
 * All articles in a grid that loads from the repository page by page, with search, category and
 * "featured only" filters, the count of matches, and the actions editors take on a row.
 */
public class ArticlesView extends VerticalLayout implements BeforeEnterObserver {
    private final AdminContext admin = AdminContext.current();
    private final Grid<Article> grid = new Grid<>(Article.class, false);
    private final TextField search = new TextField();
    private final ComboBox<String> category = new ComboBox<>();
    private final Checkbox featuredOnly = new Checkbox();
    private final Select<Publication.Filter> publication = new Select<>();
    private final Span count = new Span();
    /** With "featured only": how many of the list the home page's featured block shows. */
    private final Span featuredCutoff = new Span();
    /** With "featured only": each listed article's place in the site's featured order (0 first). */
    private final java.util.Map<String, Integer> featuredPlace = new java.util.concurrent.ConcurrentHashMap<>();

    private int blockSize = Integer.MAX_VALUE;
    private static final List<ArticleQuery.Sort> FEATURED_ORDER =
            List.of(ArticleQuery.Sort.asc("featuredRank"), ArticleQuery.Sort.desc("postedDate"));
    private Article dragged;
    private boolean narrow;
    /** While the list's state is put back from its address, changes are not written back to it. */
    private boolean restoring;
    /** What each row's buttons do. */
    private final ArticleRowActions rowActions = new ArticleRowActions(admin, this::refresh, this::openEditor);
    /** The optional columns editors show or hide. */
    private final ColumnChooser columns = new ColumnChooser(
            grid, List.of("category", "postedDate", "views", "featured", "english", "changed", "published"));

    public ArticlesView() {
        setSizeFull();
        search.setId("search");
        search.setPlaceholder(admin.text("news.admin.filter.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        category.setId("category-filter");
        category.setPlaceholder(admin.text("news.article.category.label"));
        category.setClearButtonVisible(true);
        category.setItems(categories());
        featuredOnly.setId("featured-only");
        featuredOnly.setLabel(admin.text("news.admin.filter.featuredOnly"));
        publication.setId("publication-filter");
        publication.setItems(Publication.Filter.values());
        publication.setValue(Publication.Filter.ANY);
        publication.setItemLabelGenerator(f -> admin.text(
                switch (f) {
                    case ANY -> "news.admin.filter.allStates";
                    case PUBLISHED -> "news.admin.filter.published";
                    case DRAFTS -> "news.admin.filter.drafts";
                    case TRASH -> "news.admin.filter.trash";
                }));
        count.setId("match-count");
        Button create = new Button(admin.text("news.admin.new"), e -> getUI().ifPresent(ui -> ui.navigate("article")));
        create.setId("new-article");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addValueChangeListener(e -> refresh());
        category.addValueChangeListener(e -> refresh());
        featuredOnly.addValueChangeListener(e -> refresh());
        featuredOnly.addValueChangeListener(e -> showFeaturedCutoff(e.getValue()));
        featuredCutoff.setId("featured-cutoff");
        featuredCutoff.setVisible(false);
        publication.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(search, category, publication, featuredOnly, count, create);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.setWrap(true);
        filters.expand(count);

        grid.setId("articles");
        // The title takes the room left (at least 22em, about 40 characters) and wraps onto a second line.
        grid.addColumn(LitRenderer.<Article>of(
                                "<span class=\"article-title\" title=\"${item.title}\" style=\"white-space: normal;"
                                        + " display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;"
                                        + " overflow: hidden; line-height: 1.3\">${item.title}</span>")
                        .withProperty("title", Article::title))
                .setHeader(admin.text("news.article.title.label"))
                .setKey("title")
                .setSortProperty("title")
                .setWidth("22em")
                .setFlexGrow(1);
        grid.addColumn(Article::category)
                .setHeader(admin.text("news.article.category.label"))
                .setKey("category")
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(a -> ArticleRow.posted(a, admin.zone()))
                .setHeader(admin.text("news.article.postedDate.label"))
                .setKey("postedDate")
                .setSortProperty("postedDate")
                .setWidth("9.5em")
                .setFlexGrow(0);
        grid.addColumn(a -> admin.counter().views(a.id()))
                .setHeader(admin.text("news.app.views.label"))
                .setKey("views")
                .setSortProperty("views")
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(a -> {
                    Integer place = featuredOnly.getValue() ? featuredPlace.get(a.id()) : null;
                    // Past the block's last visible item: featured, but not on the home page yet.
                    return place != null && place >= blockSize
                            ? admin.text("news.admin.featured.beyondBlock", ArticleRow.featured(a))
                            : ArticleRow.featured(a);
                })
                .setHeader(admin.text("news.article.featured.label"))
                .setKey("featured")
                .setWidth("6.5em")
                .setFlexGrow(0);
        grid.addColumn(a -> ArticleRow.describe(a, Instant.now(), admin))
                .setHeader(admin.text("news.admin.state"))
                .setKey("state")
                .setWidth("11em")
                .setFlexGrow(0);
        // The English version's state: none, a draft, or on the English site.
        grid.addColumn(a -> a.english() == null
                        ? "—"
                        : admin.text(
                                a.english().publication().published()
                                        ? "news.admin.english.column.published"
                                        : "news.admin.english.column.draft"))
                .setHeader(admin.text("news.admin.english.column"))
                .setKey("english")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> ArticleRow.stamp(a.lastModifiedBy(), a.lastModified(), admin.zone()))
                .setHeader(admin.text("news.admin.changed"))
                .setKey("changed")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> ArticleRow.stamp(
                        a.publication().lastActivatedBy(), a.publication().lastActivated(), admin.zone()))
                .setHeader(admin.text("news.admin.published"))
                .setKey("published")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(a -> rowActions.of(a, narrow, featuredOnly.getValue()))
                .setHeader(admin.text("news.admin.actions"))
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setResizable(true));
        filters.addComponentAtIndex(filters.indexOf(create), columns.button(admin.text("news.admin.columns")));
        grid.setItems(this::fetch, this::countMatches);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        enableFeaturedReordering();
        grid.setPageSize(50);
        grid.setSizeFull();
        BulkActions bulk = new BulkActions(
                admin,
                grid,
                () -> FeaturedRanks.nextFreeRank(admin.module().featuredRanks().siteOrder()),
                this::refresh);
        // Nothing to do in bulk in the trash: restore and delete for ever are per article.
        publication.addValueChangeListener(e -> {
            grid.asMultiSelect().clear();
            bulk.setVisible(e.getValue() != Publication.Filter.TRASH);
        });
        add(filters, featuredCutoff, bulk, grid);
        search.addValueChangeListener(e -> remember());
        category.addValueChangeListener(e -> remember());
        featuredOnly.addValueChangeListener(e -> remember());
        publication.addValueChangeListener(e -> remember());
        grid.addSortListener(e -> remember());
    }

    /**
     * With "featured only" on, the grid lists featured articles by rank and editors drag rows to
     * reorder them; the ranks are rewritten 1, 2, 3... to match.
     */
    private void enableFeaturedReordering() {
        featuredOnly.addValueChangeListener(e -> {
            grid.setRowsDraggable(e.getValue());
            grid.setDropMode(e.getValue() ? GridDropMode.BETWEEN : null);
        });
        grid.addDragStartListener(e -> dragged =
                e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().get(0));
        grid.addDragEndListener(e -> dragged = null);
        grid.addDropListener(e -> {
            if (dragged == null || e.getDropTargetItem().isEmpty()) {
                return;
            }
            rowActions.reorder(dragged, e.getDropTargetItem().get(), e.getDropLocation() == GridDropLocation.BELOW);
        });
    }

    /** Puts back the list the address describes (coming back from the editor, a reload, a bookmark). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ListState state = ListState.from(event.getLocation().getQueryParameters());
        restoring = true;
        try {
            search.setValue(state.text());
            category.setValue(state.category());
            publication.setValue(state.filter());
            featuredOnly.setValue(state.featuredOnly());
            Grid.Column<Article> column =
                    state.sortProperty() == null ? null : grid.getColumnByKey(state.sortProperty());
            grid.sort(
                    column == null
                            ? List.of()
                            : List.of(new GridSortOrder<>(
                                    column,
                                    state.sortDescending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
        } finally {
            restoring = false;
        }
        AdminContext.rememberList(state);
        if (state.firstRow() > 0) {
            grid.scrollToIndex(state.firstRow());
        }
    }

    private ListState state() {
        List<GridSortOrder<Article>> order = grid.getSortOrder();
        String property = order.isEmpty() ? null : order.get(0).getSorted().getKey();
        boolean descending = !order.isEmpty() && order.get(0).getDirection() == SortDirection.DESCENDING;
        return new ListState(
                search.getValue(),
                category.getValue(),
                publication.getValue(),
                featuredOnly.getValue(),
                property,
                descending,
                0);
    }

    /** The list's state into its address and the session, so the editor's "Back" returns to it. */
    private void remember() {
        if (restoring) {
            return;
        }
        ListState state = state();
        AdminContext.rememberList(state);
        String query = state.toParameters().getQueryString();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, query.isEmpty() ? "." : "?" + query));
    }

    /** Opens the editor, remembering which row was at the top of the list to come back to it. */
    private void openEditor(String id) {
        grid.getElement()
                .executeJs("return this._firstVisibleIndex || 0")
                .then(
                        Integer.class,
                        row -> {
                            AdminContext.rememberList(state().atRow(row == null ? 0 : row));
                            getUI().ifPresent(ui -> ui.navigate("article", QueryParameters.of("id", id)));
                        },
                        error -> getUI().ifPresent(ui -> ui.navigate("article", QueryParameters.of("id", id))));
    }

    private ArticleQuery query() {
        ArticleQuery query = ArticleQuery.newest(1);
        if (!search.getValue().isBlank()) {
            query = query.withText(search.getValue());
        }
        if (category.getValue() != null) {
            query = query.withCategory(category.getValue());
        }
        if (featuredOnly.getValue()) {
            query = query.featuredOnly();
        }
        if (publication.getValue() != null) {
            query = query.withPublication(publication.getValue());
        }
        return query;
    }

    private Stream<Article> fetch(Query<Article, Void> page) {
        List<ArticleQuery.Sort> order = !page.getSortOrders().isEmpty()
                ? page.getSortOrders().stream().map(ArticlesView::sort).toList()
                : featuredOnly.getValue() ? FEATURED_ORDER : List.of(ArticleQuery.Sort.desc("postedDate"));
        try {
            if (featuredOnly.getValue() && page.getSortOrders().isEmpty()) {
                // The site's own featured order (unranked after ranked), so what editors see is what readers get.
                // Places in the block's own order: the published featured, whatever this list's filters.
                List<Article> published = FeaturedRanks.siteOrder(
                        admin.articles(),
                        ArticleQuery.newest(1).featuredOnly().withPublication(Publication.Filter.PUBLISHED));
                featuredPlace.clear();
                for (int i = 0; i < published.size(); i++) {
                    featuredPlace.put(published.get(i).id(), i);
                }
                return FeaturedRanks.siteOrder(admin.articles(), query()).stream()
                        .skip(page.getOffset())
                        .limit(Math.max(1, page.getLimit()));
            }
            if (!order.isEmpty() && order.get(0).property().equals("views")) {
                return ViewsOrder.page(
                        admin.articles(),
                        admin.counter().totals(),
                        query(),
                        order.get(0).descending(),
                        page.getOffset(),
                        Math.max(1, page.getLimit()))
                        .stream();
            }
            ArticleQuery asked = query().withSort(order).page(page.getOffset(), Math.max(1, page.getLimit()));
            // The plain lists (newest first, a state, a category) are named by the archive index: the page's
            // articles are the only ones read, however large the archive.
            Optional<ArchivePage> listed = admin.module().archive().editorsPage(asked);
            return listed.isPresent()
                    ? admin.articles().findAllById(listed.get().ids()).stream()
                    : admin.articles().items(asked).stream();
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
            return Stream.empty();
        }
    }

    private int countMatches(Query<Article, Void> page) {
        try {
            Optional<ArchivePage> listed = admin.module().archive().editorsPage(query());
            long n =
                    listed.isPresent() ? listed.get().total() : admin.articles().count(query());
            count.setText(admin.text("news.admin.matches", n));
            return (int) Math.min(Integer.MAX_VALUE, n);
        } catch (RepositoryException e) {
            return 0;
        }
    }

    private static ArticleQuery.Sort sort(QuerySortOrder order) {
        return new ArticleQuery.Sort(order.getSorted(), order.getDirection() == SortDirection.DESCENDING);
    }

    /**
     * On a phone (under 700 px) the grid keeps title, state and one actions menu per row; wider, the
     * columns the editor chose and the row's everyday buttons.
     */
    private void fitTo(int width) {
        boolean nowNarrow = width < PhoneWidth.NARROW;
        if (nowNarrow == narrow) {
            return;
        }
        narrow = nowNarrow;
        columns.setNarrow(narrow);
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        PhoneWidth.follow(event, this::fitTo);
    }

    /** With "featured only": says how many the home page's featured block shows, and marks the rest in the list. */
    private void showFeaturedCutoff(boolean shown) {
        blockSize = shown ? FeaturedBlockSize.onHome(admin) : Integer.MAX_VALUE;
        featuredCutoff.setVisible(shown);
        featuredCutoff.setText(shown ? admin.text("news.admin.featured.cutoff", blockSize) : "");
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private List<String> categories() {
        try {
            return admin.categoryNames();
        } catch (RepositoryException e) {
            return List.of();
        }
    }
}
