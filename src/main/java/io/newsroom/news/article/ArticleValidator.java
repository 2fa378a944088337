package io.newsroom.news.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a draft against the article's rules and returns a normalised copy: strings trimmed,
 * blanks turned into "absent", the body sanitised. Rules the content type YAML cannot express
 * (lengths, the alt text an image needs) live here, once, for every host and form.
 */
public final class ArticleValidator {
    public static final int TITLE_MAX = 200;
    public static final int LEAD_MAX = 600;
    public static final int SHORT_TEXT_MAX = 100;
    public static final int IMAGE_ALT_MAX = 300;
    public static final int BODY_MAX = 200_000;
    public static final long FEATURED_RANK_MAX = 9_999;
    /** Asset keys as Magnolia's DAM link field writes them, or a plain site path/URL. */
    private static final Pattern IMAGE_REFERENCE =
            Pattern.compile("(jcr:[0-9a-fA-F-]{36}|/[^\\s<>\"']*|https?://[^\\s<>\"']+)");

    private ArticleValidator() {}

    /** The normalised draft, or a {@link ValidationException} listing every problem. */
    public static ArticleDraft validate(ArticleDraft input) throws ValidationException {
        ArticleDraft draft = input.copy();
        draft.setName(clean(draft.getName()));
        draft.setTitle(clean(draft.getTitle()));
        draft.setLead(clean(draft.getLead()));
        draft.setImage(clean(draft.getImage()));
        draft.setImageAlt(clean(draft.getImageAlt()));
        draft.setCategory(clean(draft.getCategory()));
        draft.setAuthor(clean(draft.getAuthor()));
        draft.setBody(clean(RichTextSanitizer.sanitize(draft.getBody())));

        List<FieldError> errors = new ArrayList<>();
        if (draft.getTitle() == null) {
            errors.add(new FieldError("title", "news.validation.required"));
        }
        maxLength(errors, "title", draft.getTitle(), TITLE_MAX);
        maxLength(errors, "lead", draft.getLead(), LEAD_MAX);
        maxLength(errors, "body", draft.getBody(), BODY_MAX);
        maxLength(errors, "category", draft.getCategory(), SHORT_TEXT_MAX);
        maxLength(errors, "author", draft.getAuthor(), SHORT_TEXT_MAX);
        maxLength(errors, "imageAlt", draft.getImageAlt(), IMAGE_ALT_MAX);
        maxLength(errors, "imageCaption", draft.getImageCaption(), IMAGE_ALT_MAX);
        maxLength(errors, "imageCredit", draft.getImageCredit(), SHORT_TEXT_MAX);
        if (draft.getName() != null && !Slugs.isValid(draft.getName())) {
            errors.add(new FieldError("name", "news.validation.slug", Slugs.MAX_LENGTH));
        }
        if (draft.getImage() != null
                && !IMAGE_REFERENCE.matcher(draft.getImage()).matches()) {
            errors.add(new FieldError("image", "news.validation.image"));
        }
        if (draft.getImage() != null && draft.getImageAlt() == null) {
            errors.add(new FieldError("imageAlt", "news.validation.imageAltRequired"));
        }
        if (draft.getPostedDate() == null) {
            errors.add(new FieldError("postedDate", "news.validation.required"));
        }
        Long rank = draft.getFeaturedRank();
        if (rank != null && (rank < 0 || rank > FEATURED_RANK_MAX)) {
            errors.add(new FieldError("featuredRank", "news.validation.range", 0, FEATURED_RANK_MAX));
        }
        if (draft.getFeaturedFrom() != null
                && draft.getFeaturedUntil() != null
                && !draft.getFeaturedFrom().isBefore(draft.getFeaturedUntil())) {
            errors.add(new FieldError("featuredUntil", "news.validation.featuredWindow"));
        }
        if (draft.getUnpublishDate() != null
                && draft.getPostedDate() != null
                && !draft.getUnpublishDate().isAfter(draft.getPostedDate())) {
            errors.add(new FieldError("unpublishDate", "news.validation.unpublishAfterPosted"));
        }
        validateEnglish(draft, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return draft;
    }

    /**
     * The English version, normalised in place: empty stays empty (no version); otherwise a title, the
     * same limits as the article's, an alt text where the article has an image, and an address made
     * from the title when none is typed. Its problems are on {@code english.<field>}.
     */
    private static void validateEnglish(ArticleDraft draft, List<FieldError> errors) {
        TranslationDraft english = draft.getEnglish();
        english.setTitle(clean(english.getTitle()));
        english.setLead(clean(english.getLead()));
        english.setBody(clean(RichTextSanitizer.sanitize(english.getBody())));
        english.setImageAlt(clean(english.getImageAlt()));
        english.setImageCaption(clean(english.getImageCaption()));
        english.setSlug(clean(english.getSlug()));
        if (english.isEmpty()) {
            return;
        }
        if (english.getTitle() == null) {
            errors.add(new FieldError("english.title", "news.validation.required"));
        }
        maxLength(errors, "english.title", english.getTitle(), TITLE_MAX);
        maxLength(errors, "english.lead", english.getLead(), LEAD_MAX);
        maxLength(errors, "english.body", english.getBody(), BODY_MAX);
        maxLength(errors, "english.imageAlt", english.getImageAlt(), IMAGE_ALT_MAX);
        maxLength(errors, "english.imageCaption", english.getImageCaption(), IMAGE_ALT_MAX);
        if (english.getSlug() != null && !Slugs.isValid(english.getSlug())) {
            errors.add(new FieldError("english.slug", "news.validation.slug", Slugs.MAX_LENGTH));
        }
        if (draft.getImage() != null && english.getImageAlt() == null) {
            errors.add(new FieldError("english.imageAlt", "news.validation.imageAltRequired"));
        }
        if (english.getSlug() == null && english.getTitle() != null) {
            english.setSlug(Slugs.fromTitle(english.getTitle()));
        }
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "news.validation.tooLong", max));
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
