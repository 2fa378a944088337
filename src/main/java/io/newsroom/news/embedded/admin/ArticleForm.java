package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.newsroom.news.article.Article;
import io.newsroom.news.article.ArticleDraft;
import io.newsroom.news.article.FieldError;
import io.newsroom.news.article.Slugs;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The editor's form: a field per property of the content type with its label in the editor's language,
 * bound to a draft with Vaadin's Binder, the article's rules' errors shown on their fields, and the
 * address that follows the title until the article is first published (or the editor sets it).
 */
final class ArticleForm {
    private final AdminContext admin;
    private final Binder<ArticleDraft> binder = new Binder<>(ArticleDraft.class);
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final TextField title = field(new TextField(), "title");
    private final TextField name = field(new TextField(), "name");
    private final TextArea lead = field(new TextArea(), "lead");
    private final RichTextEditor body;
    private final TextField image = field(new TextField(), "image");
    private final TextField imageAlt = field(new TextField(), "imageAlt");
    private final TextField imageCaption = field(new TextField(), "imageCaption");
    private final TextField imageCredit = field(new TextField(), "imageCredit");
    private final DateTimePicker postedDate = field(new DateTimePicker(), "postedDate");
    private final ComboBox<String> category = field(new ComboBox<>(), "category");
    private final TextField author = field(new TextField(), "author");
    private final Checkbox featured = new Checkbox();
    private final IntegerField featuredRank = field(new IntegerField(), "featuredRank");
    private final DateTimePicker featuredFrom = field(new DateTimePicker(), "featuredFrom");
    private final DateTimePicker featuredUntil = field(new DateTimePicker(), "featuredUntil");
    private final DateTimePicker unpublishDate = field(new DateTimePicker(), "unpublishDate");
    private final ImageUpload imageUpload;
    // The English version: its own texts and address; the image, dates and category are the article's.
    private final TextField englishTitle = field(new TextField(), "english.title");
    private final TextField englishSlug = field(new TextField(), "english.slug");
    private final TextArea englishLead = field(new TextArea(), "english.lead");
    private final RichTextEditor englishBody;
    private final TextField englishImageAlt = field(new TextField(), "english.imageAlt");
    private final TextField englishImageCaption = field(new TextField(), "english.imageCaption");
    private final com.vaadin.flow.component.tabs.Tab vietnameseTab = new com.vaadin.flow.component.tabs.Tab();
    private final com.vaadin.flow.component.tabs.Tab englishTab = new com.vaadin.flow.component.tabs.Tab();
    private final com.vaadin.flow.component.tabs.Tabs languageTabs =
            new com.vaadin.flow.component.tabs.Tabs(vietnameseTab, englishTab);
    private final com.vaadin.flow.component.html.Paragraph sharedNote = new com.vaadin.flow.component.html.Paragraph();
    private final List<Consumer<Boolean>> languageListeners = new java.util.ArrayList<>();
    private boolean englishSlugTouched;
    private final FormLayout layout;
    private boolean nameTouched;

    ArticleForm(AdminContext admin, Supplier<Article> editing) {
        this.admin = admin;
        this.body = field(new RichTextEditor(admin::text), "body");
        this.englishBody = field(new RichTextEditor(admin::text), "english.body");
        labels();
        bind();
        title.addValueChangeListener(e -> {
            // The address follows the title until the article is first published (or the editor sets it).
            if (!nameTouched && (editing.get() == null || ArticleEditorView.neverPublished(editing.get()))) {
                name.setValue(e.getValue().isBlank() ? "" : Slugs.fromTitle(e.getValue()));
            }
        });
        name.addValueChangeListener(e -> nameTouched |= e.isFromClient());
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        featured.setId("featured");
        image.setReadOnly(true);
        // A library image brings its alt text, caption and credit to the fields the editor left empty.
        imageUpload = new ImageUpload(admin, image, details -> {
            fillIfEmpty(imageAlt, details.alt());
            fillIfEmpty(imageCaption, details.caption());
            fillIfEmpty(imageCredit, details.credit());
        });

        englishTitle.addValueChangeListener(e -> {
            // As in Vietnamese: the English address follows its title until it is published or typed.
            if (!englishSlugTouched) {
                englishSlug.setValue(e.getValue().isBlank() ? "" : Slugs.fromTitle(e.getValue()));
            }
        });
        englishSlug.addValueChangeListener(e -> englishSlugTouched |= e.isFromClient());
        vietnameseTab.setId("tab-vi");
        englishTab.setId("tab-en");
        languageTabs.setId("language-tabs");
        languageTabs.addSelectedChangeListener(e -> showLanguage(e.getSelectedTab() == englishTab));
        sharedNote.setId("english-shared-note");

        layout = new FormLayout(
                title,
                name,
                lead,
                body,
                englishTitle,
                englishSlug,
                englishLead,
                englishBody,
                englishImageAlt,
                englishImageCaption,
                sharedNote,
                postedDate,
                unpublishDate,
                category,
                author,
                imageUpload,
                imageAlt,
                imageCaption,
                imageCredit,
                featured,
                featuredRank,
                featuredFrom,
                featuredUntil);
        // The featured block is an editor's: a reporter's form leaves it out (and the server refuses it anyway);
        // showLanguage hides it so.
        layout.setColspan(imageUpload, 2);
        layout.setColspan(lead, 2);
        layout.setColspan(body, 2);
        layout.setColspan(title, 2);
        for (Component wide : new Component[] {englishTitle, englishLead, englishBody, sharedNote}) {
            layout.setColspan(wide, 2);
        }
        showLanguage(false);
    }

    /** The tabs of the form's two languages, placed above it by the editor. */
    com.vaadin.flow.component.tabs.Tabs languageTabs() {
        return languageTabs;
    }

    /** Told when the editor switches between the Vietnamese and the English tab ({@code true}: English). */
    void onLanguageChange(Consumer<Boolean> listener) {
        languageListeners.add(listener);
    }

    /** Whether the English tab is the one shown. */
    boolean showsEnglish() {
        return languageTabs.getSelectedTab() == englishTab;
    }

    /** The Vietnamese tab shows the whole article; the English one its English texts and a note on what is shared. */
    private void showLanguage(boolean english) {
        for (Component component : layout.getChildren().toList()) {
            boolean englishField = component == englishTitle
                    || component == englishSlug
                    || component == englishLead
                    || component == englishBody
                    || component == englishImageAlt
                    || component == englishImageCaption
                    || component == sharedNote;
            boolean publisherOnly = component == featured
                    || component == featuredRank
                    || component == featuredFrom
                    || component == featuredUntil;
            boolean shown = englishField == english;
            if (publisherOnly) {
                shown &= io.newsroom.news.article.Actor.may(io.newsroom.news.article.Role.Permission.PUBLISH);
            }
            component.setVisible(shown);
        }
        languageListeners.forEach(listener -> listener.accept(english));
    }

    /** Whether the English address follows the English title from now on (none stored, or never published). */
    void englishAddressFollowsTitle(boolean follows) {
        englishSlugTouched = !follows;
    }

    Binder<ArticleDraft> binder() {
        return binder;
    }

    FormLayout layout() {
        return layout;
    }

    /** The categories to choose from; only these when the site manages its categories ({@code onlyThese}). */
    void categories(List<String> names, boolean onlyThese) {
        categoryNames = names;
        category.setItems(names);
        category.setAllowCustomValue(!onlyThese);
    }

    private List<String> categoryNames = List.of();

    /** An article's category that is not among them any more (renamed meanwhile) is still shown as it is. */
    void keepCategory(String stored) {
        if (stored != null && !stored.isBlank() && !categoryNames.contains(stored)) {
            List<String> names = new java.util.ArrayList<>(categoryNames);
            names.add(0, stored);
            categoryNames = names;
            category.setItems(names);
        }
    }

    /** Whether the address follows the title from now on (a loaded article that was never published). */
    void addressFollowsTitle(boolean follows) {
        nameTouched = !follows;
    }

    /** Each error of the article's rules on its field, in the editor's language. */
    void showErrors(io.newsroom.news.article.ValidationException e) {
        // Problems only in the other language's fields: that tab is shown, so the editor sees them.
        boolean englishOnly = !e.errors().isEmpty()
                && e.errors().stream().allMatch(error -> error.field().startsWith("english."));
        if (englishOnly != showsEnglish() && e.errors().stream().anyMatch(error -> fields.containsKey(error.field()))) {
            languageTabs.setSelectedTab(englishOnly ? englishTab : vietnameseTab);
        }
        for (FieldError error : e.errors()) {
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(
                        admin.text(error.messageKey(), error.arguments().toArray()));
                field.setInvalid(true);
            }
        }
    }

    private <F extends HasValidation> F field(F field, String property) {
        fields.put(property, field);
        ((Component) field).setId(property.replace('.', '-'));
        return field;
    }

    private void labels() {
        title.setLabel(admin.text("news.article.title.label"));
        title.setRequiredIndicatorVisible(true);
        name.setLabel(admin.text("news.admin.slug"));
        name.setHelperText(admin.text("news.admin.slug.help"));
        lead.setLabel(admin.text("news.article.lead.label"));
        body.setLabel(admin.text("news.article.body.label"));
        body.setHelperText(admin.text("news.admin.body.help"));
        image.setLabel(admin.text("news.article.image.label"));
        imageAlt.setLabel(admin.text("news.article.imageAlt.label"));
        imageCaption.setLabel(admin.text("news.article.imageCaption.label"));
        imageCredit.setLabel(admin.text("news.article.imageCredit.label"));
        postedDate.setLabel(admin.text("news.article.postedDate.label"));
        postedDate.setRequiredIndicatorVisible(true);
        category.setLabel(admin.text("news.article.category.label"));
        author.setLabel(admin.text("news.article.author.label"));
        featured.setLabel(admin.text("news.article.featured.label"));
        featuredRank.setLabel(admin.text("news.article.featuredRank.label"));
        featuredFrom.setLabel(admin.text("news.article.featuredFrom.label"));
        featuredUntil.setLabel(admin.text("news.article.featuredUntil.label"));
        unpublishDate.setLabel(admin.text("news.article.unpublishDate.label"));
        unpublishDate.setHelperText(admin.text("news.article.unpublishDate.description"));
        vietnameseTab.setLabel(admin.text("news.admin.language.vi"));
        englishTab.setLabel(admin.text("news.admin.language.en"));
        englishTitle.setLabel(admin.text("news.admin.english.title"));
        englishSlug.setLabel(admin.text("news.admin.english.slug"));
        englishSlug.setHelperText(admin.text("news.admin.english.slug.help"));
        englishLead.setLabel(admin.text("news.admin.english.lead"));
        englishBody.setLabel(admin.text("news.admin.english.body"));
        englishImageAlt.setLabel(admin.text("news.admin.english.imageAlt"));
        englishImageCaption.setLabel(admin.text("news.admin.english.imageCaption"));
        sharedNote.setText(admin.text("news.admin.english.shared"));
        for (DateTimePicker picker : List.of(postedDate, unpublishDate, featuredFrom, featuredUntil)) {
            picker.setDatePickerI18n(ComponentTexts.datePicker(admin));
        }
    }

    private void bind() {
        binder.forField(title).bind(d -> nullToEmpty(d.getTitle()), ArticleDraft::setTitle);
        binder.forField(name).bind(d -> nullToEmpty(d.getName()), ArticleDraft::setName);
        binder.forField(lead).bind(d -> nullToEmpty(d.getLead()), ArticleDraft::setLead);
        binder.forField(body).bind(d -> nullToEmpty(d.getBody()), ArticleDraft::setBody);
        binder.forField(image).bind(d -> nullToEmpty(d.getImage()), ArticleDraft::setImage);
        binder.forField(imageAlt).bind(d -> nullToEmpty(d.getImageAlt()), ArticleDraft::setImageAlt);
        binder.forField(imageCaption).bind(d -> nullToEmpty(d.getImageCaption()), ArticleDraft::setImageCaption);
        binder.forField(imageCredit).bind(d -> nullToEmpty(d.getImageCredit()), ArticleDraft::setImageCredit);
        binder.forField(postedDate).bind(d -> local(d.getPostedDate()), (d, v) -> d.setPostedDate(instant(v)));
        binder.forField(category).bind(ArticleDraft::getCategory, ArticleDraft::setCategory);
        binder.forField(author).bind(d -> nullToEmpty(d.getAuthor()), ArticleDraft::setAuthor);
        binder.forField(featured).bind(ArticleDraft::isFeatured, ArticleDraft::setFeatured);
        binder.forField(featuredRank)
                .bind(
                        d -> d.getFeaturedRank() == null
                                ? null
                                : d.getFeaturedRank().intValue(),
                        (d, v) -> d.setFeaturedRank(v == null ? null : v.longValue()));
        binder.forField(featuredFrom).bind(d -> local(d.getFeaturedFrom()), (d, v) -> d.setFeaturedFrom(instant(v)));
        binder.forField(featuredUntil).bind(d -> local(d.getFeaturedUntil()), (d, v) -> d.setFeaturedUntil(instant(v)));
        binder.forField(unpublishDate).bind(d -> local(d.getUnpublishDate()), (d, v) -> d.setUnpublishDate(instant(v)));
        binder.forField(englishTitle)
                .bind(
                        d -> nullToEmpty(d.getEnglish().getTitle()),
                        (d, v) -> d.getEnglish().setTitle(v));
        binder.forField(englishSlug)
                .bind(
                        d -> nullToEmpty(d.getEnglish().getSlug()),
                        (d, v) -> d.getEnglish().setSlug(v));
        binder.forField(englishLead)
                .bind(
                        d -> nullToEmpty(d.getEnglish().getLead()),
                        (d, v) -> d.getEnglish().setLead(v));
        binder.forField(englishBody)
                .bind(
                        d -> nullToEmpty(d.getEnglish().getBody()),
                        (d, v) -> d.getEnglish().setBody(v));
        binder.forField(englishImageAlt)
                .bind(
                        d -> nullToEmpty(d.getEnglish().getImageAlt()),
                        (d, v) -> d.getEnglish().setImageAlt(v));
        binder.forField(englishImageCaption)
                .bind(
                        d -> nullToEmpty(d.getEnglish().getImageCaption()),
                        (d, v) -> d.getEnglish().setImageCaption(v));
    }

    /** The posted date in the form now (not saved yet), or null. */
    Instant postedDate() {
        return instant(postedDate.getValue());
    }

    /** Told of every change of the posted date in the form. */
    void onPostedDateChange(java.util.function.Consumer<Instant> listener) {
        postedDate.addValueChangeListener(e -> listener.accept(instant(e.getValue())));
    }

    /** Before a save: field errors and an earlier upload's refusal go (it changed nothing in the form). */
    void clearErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
        imageUpload.clearError();
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, admin.zone());
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(admin.zone()).toInstant();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void fillIfEmpty(TextField field, String value) {
        if (field.getValue().isBlank() && !value.isBlank()) {
            field.setValue(value);
        }
    }
}
