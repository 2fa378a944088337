package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.ArticleNotFoundException;
import io.newsroom.news.article.ArticleValidator;
import io.newsroom.news.article.ConflictException;
import io.newsroom.news.article.Slugs;
import io.newsroom.news.publishing.FeaturedRanks;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.jcr.RepositoryException;

/**
 * The editor for one article (new when there is no {@code ?id=}): every property of the content
 * type, bound with Vaadin's Binder. The article's own rules (ArticleValidator) decide what is valid;
 * their errors are shown on the fields, in the editor's language, and nothing is saved until the
 * form is valid. A save that meets someone else's newer save is refused with a way to reload.
 */
public class ArticleEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver {
    private final AdminContext admin = AdminContext.current();
    /** The article's fields, bound to a draft. */
    private final ArticleForm form;

    private final Binder<ArticleDraft> binder;
    private final H2 heading = new H2();
    private Article editing;
    private final Button publish = new Button();
    private final Button unpublish = new Button();
    /** The English version's state and its own publish / unpublish, shown on the English tab. */
    private final Span englishState = new Span();

    private final Button publishEnglish = new Button();
    private final Button unpublishEnglish = new Button();
    private final Span state = new Span();
    /** "Lan is editing since 10:12": another editor has this article open. */
    private final Span editingBy = new Span();

    private final EditingPresence presence = EditingPresence.current();
    /** This open editor among all of them (a browser may have several tabs on one article). */
    private final String viewKey = UUID.randomUUID().toString();
    /** "You have unsaved changes from 10:12: Restore / Discard", when a working copy of this article is kept. */
    private final HorizontalLayout workingCopyBar = new HorizontalLayout();
    /** The article's views per day over 30 days, for an article that exists. */
    private final Div trend = new Div();

    private com.vaadin.flow.shared.Registration polling;
    /** A working copy was put back into the form: changed, though the binder read it as it is. */
    private boolean restoredCopy;
    /**
     * A preview (or the address question) wrote the form into a draft, which makes Vaadin's binder forget
     * its changes: they are still unsaved, and saving, publishing or submitting must not take the form for
     * unchanged (a preview followed by "Submit for review" sent the stored text, not the form's).
     */
    private boolean previewedChanges;
    /** How often the form is kept as a working copy while it has changes. */
    static final int KEEP_EVERY_MILLIS = 30_000;

    private final Button saveVersion = new Button();
    /** The article's versions; null in a host that keeps none. */
    private final VersionsPanel versions;
    /** Where the article stands in review, with the steps this account may take. */
    private final ReviewBar review;

    public ArticleEditorView() {
        setMaxWidth("1000px");
        form = new ArticleForm(admin, () -> editing);
        binder = form.binder();
        Button save = new Button(admin.text("news.admin.save"), e -> saveAskingAboutAddress());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(
                admin.text("news.admin.back"),
                e -> getUI().ifPresent(
                                ui -> ui.navigate("", AdminContext.lastList().toParameters())));
        back.setId("back");
        publish.setId("publish");
        form.onPostedDateChange(this::showPublishLabel);
        publish.addClickListener(e -> saveAndPublish());
        unpublish.setId("unpublish");
        unpublish.addClickListener(e -> unpublish());
        state.setId("publication-state");
        Button preview = new Button(admin.text("news.admin.preview"), e -> previewForm());
        preview.setId("preview");
        saveVersion.setId("save-version");
        saveVersion.setText(admin.text("news.admin.versions.save"));
        saveVersion.addClickListener(e -> keepVersion());
        englishState.setId("english-state");
        publishEnglish.setId("publish-english");
        publishEnglish.setText(admin.text("news.admin.english.publish"));
        publishEnglish.addClickListener(e -> saveAndPublishEnglish());
        unpublishEnglish.setId("unpublish-english");
        unpublishEnglish.setText(admin.text("news.admin.english.unpublish"));
        unpublishEnglish.addClickListener(e -> changeEnglish(false));
        HorizontalLayout buttons = new HorizontalLayout(
                save, publish, unpublish, publishEnglish, unpublishEnglish, preview, saveVersion, back);
        buttons.setWrap(true);
        versions = admin.publishing()
                .versions()
                .map(history -> new VersionsPanel(admin, history, () -> editing, this::load))
                .orElse(null);
        editingBy.setId("editing-by");
        editingBy.setVisible(false);
        editingBy
                .getStyle()
                .set("background", "var(--lumo-warning-color-10pct, #fff3cd)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        workingCopyBar.setId("working-copy");
        workingCopyBar.setVisible(false);
        workingCopyBar.setAlignItems(Alignment.BASELINE);
        workingCopyBar
                .getStyle()
                .set("background", "var(--lumo-primary-color-10pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        // Ctrl+S (Cmd+S on a Mac) saves, as in every editor; the browser's own "save page" is not wanted here.
        com.vaadin.flow.component.Shortcuts.addShortcutListener(
                this,
                this::saveAskingAboutAddress,
                com.vaadin.flow.component.Key.KEY_S,
                com.vaadin.flow.component.KeyModifier.CONTROL);
        com.vaadin.flow.component.Shortcuts.addShortcutListener(
                this,
                this::saveAskingAboutAddress,
                com.vaadin.flow.component.Key.KEY_S,
                com.vaadin.flow.component.KeyModifier.META);
        trend.setWidthFull();
        review = new ReviewBar(admin, this::savedForReview, this::load);
        form.onLanguageChange(english -> showPublication(editing));
        add(
                heading,
                state,
                englishState,
                review,
                editingBy,
                workingCopyBar,
                form.languageTabs(),
                form.layout(),
                buttons,
                trend);
        if (versions != null) {
            add(versions);
        }
        // Closing or reloading the tab with unsaved changes: the browser asks (it shows its own words).
        binder.addValueChangeListener(e -> markDirty(changed()));
        getElement()
                .executeJs(
                        "if (!window.newsEditorGuard) { window.newsEditorGuard = true;"
                                + " window.addEventListener('beforeunload', e => { if (window.newsEditorDirty) { e.preventDefault(); e.returnValue = ''; } }); }");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("id", List.of());
        try {
            form.categories(admin.categoryNames(), !admin.categories().list().isEmpty());
            if (ids.isEmpty()) {
                editing = null;
                heading.setText(admin.text("news.admin.new"));
                ArticleDraft fresh = new ArticleDraft();
                fresh.setPostedDate(Instant.now());
                binder.readBean(fresh);
                restoredCopy = false;
                markDirty(false);
                offerWorkingCopy(fresh);
                showPublication(null);
                review.show(null);
                showVersions();
                return;
            }
            Optional<Article> article = admin.articles().findById(ids.get(0));
            if (article.isEmpty()) {
                Notices.show(admin.text("news.admin.error.gone"));
                event.forwardTo("");
                return;
            }
            load(article.get());
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private void load(Article article) {
        if (editing != null && !editing.id().equals(article.id())) {
            presence.left(editing.id(), viewKey);
        }
        presence.opened(article.id(), new EditingPresence.Editor(AdminContext.user(), Instant.now(), viewKey));
        showOtherEditor(article.id());
        editing = article;
        form.addressFollowsTitle(neverPublished(article));
        form.englishAddressFollowsTitle(article.english() == null
                || (!article.english().publication().published()
                        && article.english().publication().lastActivated() == null));
        heading.setText(article.title());
        form.keepCategory(article.category());
        binder.readBean(article.toDraft());
        restoredCopy = false;
        previewedChanges = false;
        markDirty(false);
        offerWorkingCopy(article.toDraft());
        showTrend(article);
        showPublication(article);
        review.show(article);
        showVersions();
        clearErrors();
    }

    private void showTrend(Article article) {
        trend.removeAll();
        Map<java.time.LocalDate, Long> perDay = admin.counter().viewsPerDay(article.id(), 30);
        long total = perDay.values().stream().mapToLong(Long::longValue).sum();
        trend.add(
                new H3(admin.text("news.admin.trend.title", total)),
                new com.vaadin.flow.component.html.Paragraph(admin.text("news.admin.trend.perArticle")),
                new ViewsChart(admin, "article-views-chart", perDay));
    }

    private void showOtherEditor(String articleId) {
        Optional<EditingPresence.Editor> other = presence.otherThan(articleId, viewKey);
        editingBy.setVisible(other.isPresent());
        other.ifPresent(e -> editingBy.setText(admin.text(
                "news.admin.editingBy",
                e.user(),
                java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                        .format(e.since().atZone(admin.zone())))));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        // A round trip every 30 s while the editor is open; each keeps the form if it changed.
        event.getUI().setPollInterval(KEEP_EVERY_MILLIS);
        polling = event.getUI().addPollListener(e -> keepWorkingCopy());
    }

    /** The form as it is (valid or not) into this editor's working copy of the article, when it has changes. */
    private void keepWorkingCopy() {
        if (!changed()) {
            return;
        }
        ArticleDraft draft = new ArticleDraft();
        binder.writeBeanAsDraft(draft, true);
        admin.workingCopies()
                .keep(AdminContext.user(), copyKey(), draft, editing == null ? 0 : editing.version(), Instant.now());
    }

    private boolean changed() {
        return binder.hasChanges() || restoredCopy || previewedChanges;
    }

    private String copyKey() {
        return editing == null ? null : editing.id();
    }

    /** Offers back a working copy kept of this article that differs from it (a crash, a closed tab). */
    private void offerWorkingCopy(ArticleDraft stored) {
        workingCopyBar.removeAll();
        Optional<WorkingCopies.Copy> copy = admin.workingCopies().find(AdminContext.user(), copyKey());
        boolean offered = copy.isPresent()
                && !ConflictMerge.differences(stored, copy.get().draft(), stored)
                        .isEmpty();
        workingCopyBar.setVisible(offered);
        if (!offered) {
            return;
        }
        Span text = new Span(admin.text(
                "news.admin.workingCopy.found",
                ArticleRow.POSTED.format(copy.get().kept().atZone(admin.zone()))));
        Button restore = new Button(admin.text("news.admin.workingCopy.restore"), e -> {
            binder.readBean(copy.get().draft());
            // Restored but not saved: the form counts as changed, so leaving still asks and saving checks
            // the version it started from (a newer save by someone else then shows the conflict).
            markDirty(true);
            restoredCopy = true;
            workingCopyBar.setVisible(false);
        });
        restore.setId("restore-working-copy");
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button discard = new Button(admin.text("news.admin.workingCopy.discard"), e -> {
            admin.workingCopies().discard(AdminContext.user(), copyKey());
            workingCopyBar.setVisible(false);
        });
        discard.setId("discard-working-copy");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        workingCopyBar.add(text, restore, discard);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (polling != null) {
            polling.remove();
            event.getUI().setPollInterval(-1);
        }
        // Left, tab closed or session over: nobody is told this editor is still at work.
        if (editing != null) {
            presence.left(editing.id(), viewKey);
        }
        super.onDetach(event);
    }

    private void showVersions() {
        saveVersion.setVisible(versions != null && editing != null);
        if (versions != null) {
            versions.setVisible(editing != null);
            if (editing != null) {
                versions.refresh();
            }
        }
    }

    /** "Save version": saves the form first when it has changes, then asks for a comment. */
    private void keepVersion() {
        if (binder.hasChanges() && save() == null) {
            return;
        }
        versions.saveVersion();
    }

    private void markDirty(boolean dirty) {
        getElement().executeJs("window.newsEditorDirty = $0", dirty);
    }

    /** Leaving for another view of the app with unsaved changes: kept as a working copy, then asks. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!changed()) {
            markDirty(false);
            return;
        }
        keepWorkingCopy();
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        Dialog dialog = new Dialog();
        dialog.setId("confirm-leave");
        dialog.setHeaderTitle(admin.text("news.admin.leave.title"));
        dialog.add(new Span(admin.text("news.admin.leave.text")));
        Button stay = new Button(admin.text("news.admin.leave.stay"), e -> dialog.close());
        stay.setId("stay");
        Button leave = new Button(admin.text("news.admin.leave.discard"), e -> {
            dialog.close();
            // Discarded on purpose: not offered back either.
            admin.workingCopies().discard(AdminContext.user(), copyKey());
            markDirty(false);
            action.proceed();
        });
        leave.setId("discard-changes");
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(stay, leave);
        dialog.open();
    }

    static boolean neverPublished(Article article) {
        return !article.publication().published() && article.publication().lastActivated() == null;
    }

    /** The state line and which of Publish / Unpublish apply ("Save" keeps a published article published). */
    private void showPublication(Article article) {
        boolean published = article != null && article.publication().published();
        state.setText(
                article == null
                        ? admin.text("news.admin.state.draft")
                        : ArticleRow.describe(article, Instant.now(), admin));
        showPublishLabel(form.postedDate());
        // A reporter saves drafts; publishing is an editor's (and refused on the server anyway).
        boolean publisher = io.newsroom.news.article.Actor.may(io.newsroom.news.article.Role.Permission.PUBLISH);
        unpublish.setText(admin.text("news.admin.unpublish"));
        // Each tab has its language's steps: Vietnamese publishes the article, English its English version.
        boolean english = form.showsEnglish();
        publish.setVisible(!english && !published && publisher);
        unpublish.setVisible(!english && published && publisher);
        boolean englishPublished = article != null
                && article.english() != null
                && article.english().publication().published();
        publishEnglish.setVisible(english && !englishPublished && publisher);
        unpublishEnglish.setVisible(english && englishPublished && publisher);
        state.setVisible(!english);
        englishState.setVisible(english);
        englishState.setText(englishState(article));
    }

    /** What readers of the English site get of the article: nothing yet, a draft, or its English version. */
    private String englishState(Article article) {
        if (article == null || article.english() == null) {
            return admin.text("news.admin.english.state.none");
        }
        io.newsroom.news.article.Translation english = article.english();
        return switch (english.state(Instant.now(), article.postedDate(), article.lastModified())) {
            case DRAFT -> admin.text("news.admin.english.state.draft");
            case SCHEDULED ->
                admin.text("news.admin.english.state.scheduled", ArticleRow.posted(article, admin.zone()));
            case MODIFIED, PUBLISHED -> admin.text("news.admin.english.state.published");
        };
    }

    /** Saves the form (both languages) and publishes the English version. */
    private void saveAndPublishEnglish() {
        Article saved = editing == null || changed() ? save() : editing;
        if (saved != null) {
            changeEnglish(true);
        }
    }

    /** Publishes or unpublishes the English version of the article open here (saved). */
    private void changeEnglish(boolean publishIt) {
        try {
            Article changed = publishIt
                    ? admin.publishing().publishEnglish(editing.id(), AdminContext.user())
                    : admin.publishing().unpublishEnglish(editing.id(), AdminContext.user());
            Notices.show(admin.text(
                    publishIt ? "news.admin.english.publishedNotice" : "news.admin.english.unpublishedNotice",
                    changed.english().title()));
            load(changed);
        } catch (io.newsroom.news.article.ValidationException e) {
            showErrors(e);
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /** "Schedule" when the posted date in the form is still to come (as WordPress does), "Save and publish" otherwise. */
    private void showPublishLabel(Instant posted) {
        boolean later = posted != null && posted.isAfter(Instant.now());
        publish.setText(admin.text(later ? "news.admin.schedule" : "news.admin.saveAndPublish"));
    }

    /** The article as stored, saved first when the form is new or has changes; null when the save was refused. */
    private Article savedForReview() {
        return editing == null || changed() ? save() : editing;
    }

    private void saveAndPublish() {
        Article saved = save();
        if (saved != null) {
            changePublication(() -> admin.publishing().publish(saved.id(), AdminContext.user()));
        }
    }

    private void unpublish() {
        changePublication(() -> admin.publishing().unpublish(editing.id(), AdminContext.user()));
    }

    /** Publishing or unpublishing the article open here. */
    @FunctionalInterface
    private interface PublicationChange {
        Article apply() throws ArticleNotFoundException, RepositoryException;
    }

    private void changePublication(PublicationChange change) {
        try {
            Article changed = change.apply();
            // Published: say what readers see now (a future posted date is scheduled, not "published").
            Notices.show(
                    changed.publication().published()
                            ? ArticleRow.notice(changed, Instant.now(), admin)
                            : admin.text("news.admin.unpublishedNotice", changed.title()));
            load(changed);
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    /**
     * Saves; when a published article's address is about to change (its URL name, or a posted date in
     * another month), first asks, saying that the old address will keep leading to the article.
     */
    private void saveAskingAboutAddress() {
        ArticleDraft draft = new ArticleDraft();
        boolean unsaved = changed();
        if (editing == null || !editing.publication().published() || !binder.writeBeanIfValid(draft)) {
            save();
            return;
        }
        previewedChanges = unsaved;
        String wanted = draft.getName() == null || draft.getName().isBlank() ? editing.name() : draft.getName();
        boolean otherMonth = draft.getPostedDate() != null
                && editing.postedDate() != null
                && !YearMonth.from(draft.getPostedDate().atZone(admin.zone()))
                        .equals(YearMonth.from(editing.postedDate().atZone(admin.zone())));
        if (wanted.equals(editing.name()) && !otherMonth) {
            save();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("confirm-address");
        dialog.setHeaderTitle(admin.text("news.admin.address.title"));
        dialog.add(new Span(admin.text("news.admin.address.text")));
        Button cancel = new Button(admin.text("news.admin.cancel"), e -> dialog.close());
        Button confirm = new Button(admin.text("news.admin.save"), e -> {
            dialog.close();
            save();
        });
        confirm.setId("confirm-address-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    /**
     * Preview of the form as it is, unsaved changes included, through signed links; the form's
     * rules apply first (a preview shows what could be saved).
     */
    private void previewForm() {
        clearErrors();
        ArticleDraft draft = new ArticleDraft();
        boolean formChanged = changed();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        previewedChanges = formChanged;
        ArticleDraft checked;
        try {
            checked = ArticleValidator.validate(draft);
        } catch (io.newsroom.news.article.ValidationException e) {
            showErrors(e);
            return;
        }
        String slug = checked.getName() != null
                ? checked.getName()
                : editing != null ? editing.name() : Slugs.fromTitle(checked.getTitle());
        String path = admin.articles().pathOf(checked.getPostedDate(), slug);
        Article unsaved = checked.toPreview("preview-" + UUID.randomUUID(), path, editing);
        PreviewDialog.open(admin, unsaved.title(), locale -> admin.previews().unsaved(unsaved, locale), true);
    }

    private void showErrors(io.newsroom.news.article.ValidationException e) {
        form.showErrors(e);
        Notices.show(admin.text("news.admin.error.invalid"));
    }

    /** Saves the form; the saved article, or null when it was not saved (the reason is shown). */
    private Article save() {
        clearErrors();
        ArticleDraft draft = new ArticleDraft();
        try {
            binder.writeBean(draft);
        } catch (ValidationException e) {
            return null;
        }
        return store(draft, editing == null ? 0 : editing.version());
    }

    /** Stores {@code draft} over the article's {@code version}; null when refused (the reason is shown). */
    private Article store(ArticleDraft draft, long version) {
        try {
            Article saved = editing == null
                    ? admin.articles().create(draft, AdminContext.user())
                    : admin.articles().update(editing.id(), version, draft, AdminContext.user());
            Notices.show(ArticleRow.notice(saved, Instant.now(), admin));
            admin.workingCopies().discard(AdminContext.user(), copyKey());
            saved = renumbered(saved);
            load(saved);
            String savedId = saved.id();
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "article?id=" + savedId));
            return saved;
        } catch (io.newsroom.news.article.ValidationException e) {
            showErrors(e);
        } catch (ConflictException e) {
            conflict(draft);
        } catch (ArticleNotFoundException e) {
            Notices.show(admin.text("news.admin.error.gone"));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
        return null;
    }

    /**
     * When the saved rank was another featured article's too, the save renumbered the featured order
     * 1, 2, 3... with this article first among those that shared it ({@link FeaturedRanks}); the
     * editor is told, and gets the article as now stored.
     */
    private Article renumbered(Article saved) throws RepositoryException {
        if (admin.featuredRanks().takeRenumberedHere() == 0) {
            return saved;
        }
        Notices.show(admin.text("news.admin.renumbered"));
        return admin.articles().findById(saved.id()).orElse(saved);
    }

    /**
     * Somebody saved this article after it was opened here: nothing is overwritten; the editor sees their
     * changes beside {@code mine} and merges, overwrites on purpose, takes theirs or goes on editing.
     */
    private void conflict(ArticleDraft mine) {
        try {
            Optional<Article> theirs = admin.articles().findById(editing.id());
            if (theirs.isEmpty()) {
                Notices.show(admin.text("news.admin.error.gone"));
                return;
            }
            ArticleDraft base = editing.toDraft();
            Article stored = theirs.get();
            ConflictDialog.open(
                    admin, base, mine, stored, chosen -> store(chosen, stored.version()), () -> load(stored));
        } catch (RepositoryException e) {
            Notices.show(admin.text("news.admin.error.repository"));
        }
    }

    private void clearErrors() {
        form.clearErrors();
    }
}
