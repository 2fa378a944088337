package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Review;
import io.newsroom.news.article.Role;
import io.newsroom.news.publishing.Reviews;
import java.time.Instant;
import java.util.List;
import javax.jcr.RepositoryException;

/**
 * Review before publishing. An editor sees the queue, the longest waiting first, and opens an article to
 * publish it or send it back; a reporter sees what they submitted and what became of it (waiting, sent back
 * with the editor's comment, approved).
 */
public class ReviewView extends VerticalLayout {
    /** Submissions a reporter sees: the latest. */
    static final int MINE_SHOWN = 100;

    private final AdminContext admin = AdminContext.current();
    private final Grid<Reviews.Item> grid = new Grid<>();

    public ReviewView() {
        setSizeFull();
        boolean editor = Actor.may(Role.Permission.PUBLISH);
        grid.setId(editor ? "review-queue" : "my-submissions");
        // On a phone one column tells it all: the title, then the state and who, then the editor's answer.
        grid.addComponentColumn(this::summary)
                .setHeader(admin.text("news.article.title.label"))
                .setKey("summary")
                .setVisible(false);
        grid.addComponentColumn(item -> new Anchor("article?id=" + item.articleId(), item.title()))
                .setHeader(admin.text("news.article.title.label"))
                .setKey("title")
                .setFlexGrow(2);
        grid.addColumn(item -> admin.text(item.review().status().messageKey()))
                .setHeader(admin.text("news.admin.review.status"))
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(item ->
                        item.review().submittedBy() + " · " + when(item.review().submittedAt()))
                .setHeader(admin.text("news.admin.review.submittedColumn"))
                .setKey("submitted")
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (!editor) {
            grid.addColumn(this::answer)
                    .setHeader(admin.text("news.admin.review.answerColumn"))
                    .setKey("answer")
                    .setFlexGrow(2);
        }
        Span empty = new Span();
        empty.setId("review-empty");
        try {
            List<Reviews.Item> items =
                    editor ? admin.reviews().queue() : admin.reviews().submittedBy(AdminContext.user(), MINE_SHOWN);
            grid.setItems(items);
            empty.setText(
                    items.isEmpty()
                            ? admin.text(editor ? "news.admin.review.queueEmpty" : "news.admin.review.mineEmpty")
                            : "");
            empty.setVisible(items.isEmpty());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        add(new H2(admin.text(editor ? "news.admin.review.queueTitle" : "news.admin.review.mineTitle")), empty, grid);
        expand(grid);
    }

    private com.vaadin.flow.component.Component summary(Reviews.Item item) {
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(
                new Anchor("article?id=" + item.articleId(), item.title()),
                new com.vaadin.flow.component.html.Div(
                        admin.text(item.review().status().messageKey()) + " · "
                                + item.review().submittedBy() + " · "
                                + when(item.review().submittedAt())),
                new com.vaadin.flow.component.html.Div(answer(item)));
        box.getStyle().set("white-space", "normal").set("line-height", "1.35");
        return box;
    }

    private void fitTo(int width) {
        boolean narrow = width < PhoneWidth.NARROW;
        grid.getColumnByKey("summary").setVisible(narrow);
        for (String key : new String[] {"title", "status", "submitted", "answer"}) {
            if (grid.getColumnByKey(key) != null) {
                grid.getColumnByKey(key).setVisible(!narrow);
            }
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        PhoneWidth.follow(event, this::fitTo);
    }

    /** Who answered, when, and the comment of an article sent back. */
    private String answer(Reviews.Item item) {
        Review review = item.review();
        if (review.reviewedBy() == null) {
            return "";
        }
        String who = review.reviewedBy() + " · " + when(review.reviewedAt());
        return review.comment() == null ? who : who + ": " + review.comment();
    }

    private String when(Instant at) {
        return at == null ? "" : ArticleRow.POSTED.format(at.atZone(admin.zone()));
    }
}
