package io.newsroom.news.article;

/**
 * What an editor submits of an article's English version, a bean beside {@link ArticleDraft}'s fields so
 * the same forms fill it. All blank means "no English version": saving it so removes one.
 */
public class TranslationDraft {
    private String title;
    private String lead;
    private String body;
    private String imageAlt;
    private String imageCaption;
    /** The last part of its address; blank: made from its title. */
    private String slug;

    /** The editable part of a stored translation (none: all blank). */
    public static TranslationDraft of(Translation stored) {
        TranslationDraft draft = new TranslationDraft();
        if (stored != null) {
            draft.title = stored.title();
            draft.lead = stored.lead();
            draft.body = stored.body();
            draft.imageAlt = stored.imageAlt();
            draft.imageCaption = stored.imageCaption();
            draft.slug = stored.slug();
        }
        return draft;
    }

    public TranslationDraft copy() {
        TranslationDraft copy = new TranslationDraft();
        copy.title = title;
        copy.lead = lead;
        copy.body = body;
        copy.imageAlt = imageAlt;
        copy.imageCaption = imageCaption;
        copy.slug = slug;
        return copy;
    }

    /** Nothing written in it: the article has no English version. */
    public boolean isEmpty() {
        return blank(title) && blank(lead) && blank(body) && blank(imageAlt) && blank(imageCaption) && blank(slug);
    }

    /** The translation a preview shows (never stored), in {@code folder} ({@code /2020/10/}); null when empty. */
    Translation toPreview(String folder, Publication stored) {
        if (isEmpty()) {
            return null;
        }
        String address = blank(slug) ? Slugs.fromTitle(title == null ? "" : title) : slug;
        return new Translation(
                Translation.ENGLISH,
                title,
                lead,
                body,
                imageAlt,
                imageCaption,
                address,
                stored != null ? stored : Publication.DRAFT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getLead() {
        return lead;
    }

    public void setLead(String lead) {
        this.lead = lead;
    }

    /** Sanitised as the article's body is, when saved. */
    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getImageAlt() {
        return imageAlt;
    }

    public void setImageAlt(String imageAlt) {
        this.imageAlt = imageAlt;
    }

    public String getImageCaption() {
        return imageCaption;
    }

    public void setImageCaption(String imageCaption) {
        this.imageCaption = imageCaption;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
