package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.newsroom.news.article.Actor;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.Review;
import io.newsroom.news.article.Role;
import io.newsroom.news.article.ValidationException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.jcr.RepositoryException;

/**
 * The article editor's review line: where the article stands (waiting, sent back with the editor's
 * comment, approved), "Submit for review" for a reporter's draft and "Send back" for an editor while it
 * waits. Publishing it is the editor's approval (the editor's own Publish button).
 */
final class ReviewBar extends VerticalLayout {
    private final AdminContext admin;
    private final Span state = new Span();
    private final Div comment = new Div();
    private final Button submit = new Button();
    private final Button sendBack = new Button();
    /** Saves the form when it has changes (or is new); the article as stored, or null when refused. */
    private final Supplier<Article> saved;
    /** Shows the article again after a step. */
    private final Consumer<Article> reload;

    private Article article;

    ReviewBar(AdminContext admin, Supplier<Article> saved, Consumer<Article> reload) {
        this.admin = admin;
        this.saved = saved;
        this.reload = reload;
        setId("review");
        setPadding(false);
        setSpacing(false);
        state.setId("review-state");
        comment.setId("review-comment");
        comment.getStyle().set("white-space", "pre-wrap").set("font-style", "italic");
        submit.setId("submit-review");
        submit.setText(admin.text("news.admin.review.submit"));
        submit.addClickListener(e -> submit());
        sendBack.setId("send-back");
        sendBack.setText(admin.text("news.admin.review.sendBack"));
        sendBack.addClickListener(e -> askComment());
        HorizontalLayout line = new HorizontalLayout(state, submit, sendBack);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        add(line, comment);
        getStyle()
                .set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    /** Shows the review of {@code shown} (null: a new article) and the steps this account may take. */
    void show(Article shown) {
        this.article = shown;
        Review review = null;
        try {
            review = shown == null ? null : admin.reviews().of(shown.id()).orElse(null);
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        boolean publisher = Actor.may(Role.Permission.PUBLISH);
        boolean draft = shown == null || (!shown.publication().published() && !shown.isTrashed());
        boolean waiting = review != null && review.status() == Review.Status.SUBMITTED;
        state.setText(review == null ? "" : describe(review));
        comment.setText(review != null && review.comment() != null ? review.comment() : "");
        comment.setVisible(review != null && review.comment() != null);
        // A reporter asks for review; an editor publishes directly (and answers the reporters' requests).
        submit.setVisible(!publisher && Actor.may(Role.Permission.WRITE_DRAFTS) && draft && !waiting);
        submit.setText(admin.text(
                review != null && review.status() == Review.Status.RETURNED
                        ? "news.admin.review.resubmit"
                        : "news.admin.review.submit"));
        sendBack.setVisible(publisher && waiting && draft);
        setVisible(review != null || submit.isVisible());
    }

    private String describe(Review review) {
        return switch (review.status()) {
            case SUBMITTED -> admin.text("news.admin.review.waiting", review.submittedBy(), when(review.submittedAt()));
            case RETURNED -> admin.text("news.admin.review.returned", review.reviewedBy(), when(review.reviewedAt()));
            case APPROVED -> admin.text("news.admin.review.approved", review.reviewedBy(), when(review.reviewedAt()));
        };
    }

    private String when(Instant at) {
        return at == null ? "" : ArticleRow.POSTED.format(at.atZone(admin.zone()));
    }

    private void submit() {
        Article target = saved.get();
        if (target == null) {
            return;
        }
        try {
            admin.reviews().submit(target.id(), AdminContext.user());
            Notices.show(admin.text("news.admin.review.submitted", target.title()));
            reload.accept(admin.articles().findById(target.id()).orElse(target));
        } catch (IllegalStateException e) {
            Notices.show(admin.text("news.admin.review.notDraft"));
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** Sending back needs a comment: the reporter must know what to change. */
    private void askComment() {
        Dialog dialog = new Dialog();
        dialog.setId("send-back-dialog");
        dialog.setHeaderTitle(admin.text("news.admin.review.sendBack.title", article.title()));
        TextArea text = new TextArea(admin.text("news.admin.review.comment"));
        text.setId("send-back-comment");
        text.setWidth("min(32rem, 80vw)");
        text.setMaxLength(Review.MAX_COMMENT);
        text.setRequiredIndicatorVisible(true);
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button confirm = new Button(admin.text("news.admin.review.sendBack"), e -> {
            try {
                admin.reviews().sendBack(article.id(), AdminContext.user(), text.getValue());
                dialog.close();
                Notices.show(admin.text("news.admin.review.sentBack", article.title()));
                reload.accept(admin.articles().findById(article.id()).orElse(article));
            } catch (ValidationException refused) {
                var error = refused.errors().get(0);
                text.setInvalid(true);
                text.setErrorMessage(
                        admin.text(error.messageKey(), error.arguments().toArray()));
            } catch (IllegalStateException movedOn) {
                dialog.close();
                Notices.show(admin.text("news.admin.review.notWaiting"));
            } catch (ArticleNotFoundException gone) {
                dialog.close();
                Notices.show(admin.text("news.admin.error.gone"));
            } catch (RepositoryException failed) {
                Notices.show(admin.text("news.admin.error.repository"));
            }
        });
        confirm.setId("send-back-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        text.focus();
    }
}
