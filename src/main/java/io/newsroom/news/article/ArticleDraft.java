package io.newsroom.news.article;

import java.time.Instant;

/**
 * What an editor submits: every editable property of an article, as a mutable bean so forms
 * (Vaadin's Binder, the JSON API, tests) can fill it. Validated and normalised by
 * {@link ArticleValidator} before anything is written.
 */
public class ArticleDraft {
    private String name;
    private String title;
    private String lead;
    private String body;
    private String image;
    private String imageAlt;
    private String imageCaption;
    private String imageCredit;
    private Instant postedDate;
    private String category;
    private String author;
    private boolean featured;
    private Long featuredRank;
    private Instant featuredFrom;
    private Instant featuredUntil;
    /** When readers stop seeing it (the scheduler unpublishes it then); null: never. */
    private Instant unpublishDate;
    /** Only read when the article is created: published at once, or a draft (the default). */
    private boolean publishOnCreate;
    /** Its English version; all blank: none (an English version emptied is removed). */
    private TranslationDraft english = new TranslationDraft();

    public ArticleDraft() {}

    public ArticleDraft copy() {
        ArticleDraft copy = new ArticleDraft();
        copy.name = name;
        copy.title = title;
        copy.lead = lead;
        copy.body = body;
        copy.image = image;
        copy.imageAlt = imageAlt;
        copy.imageCaption = imageCaption;
        copy.imageCredit = imageCredit;
        copy.postedDate = postedDate;
        copy.category = category;
        copy.author = author;
        copy.featured = featured;
        copy.featuredRank = featuredRank;
        copy.featuredFrom = featuredFrom;
        copy.featuredUntil = featuredUntil;
        copy.unpublishDate = unpublishDate;
        copy.publishOnCreate = publishOnCreate;
        copy.english = english.copy();
        return copy;
    }

    /**
     * The article this draft would make, shown by a preview and never stored: {@code stored} (null for
     * a new article) gives the identity, the stamps and the publication; a new one gets {@code id}.
     */
    public Article toPreview(String id, String path, Article stored) {
        return new Article(
                stored != null ? stored.id() : id,
                path,
                path.substring(path.lastIndexOf('/') + 1),
                title,
                lead,
                body,
                image,
                imageAlt,
                imageCaption,
                imageCredit,
                postedDate,
                category,
                author,
                featured,
                featuredRank,
                featuredFrom,
                featuredUntil,
                unpublishDate,
                stored != null ? stored.created() : null,
                stored != null ? stored.lastModified() : null,
                stored != null ? stored.version() : 0L,
                stored != null ? stored.lastModifiedBy() : null,
                stored != null ? stored.publication() : Publication.DRAFT,
                null,
                english.toPreview(
                        path.substring(0, path.lastIndexOf('/') + 1),
                        stored != null && stored.english() != null
                                ? stored.english().publication()
                                : null));
    }

    /** Whether {@link ArticleRepository#create} publishes the article at once (a draft otherwise). */
    public boolean isPublishOnCreate() {
        return publishOnCreate;
    }

    public void setPublishOnCreate(boolean publish) {
        this.publishOnCreate = publish;
    }

    /** The node name (slug); empty means "make one from the title". */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
    /** An asset key: {@code jcr:<uuid>} of an image, as Magnolia's DAM link field stores it. */
    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getImageAlt() {
        return imageAlt;
    }

    public void setImageAlt(String imageAlt) {
        this.imageAlt = imageAlt;
    }
    /** Optional words under the image. */
    public String getImageCaption() {
        return imageCaption;
    }

    public void setImageCaption(String imageCaption) {
        this.imageCaption = imageCaption;
    }
    /** Optional: who made the image ("Ảnh: Nguyễn Văn A"). */
    public String getImageCredit() {
        return imageCredit;
    }

    public void setImageCredit(String imageCredit) {
        this.imageCredit = imageCredit;
    }

    public Instant getPostedDate() {
        return postedDate;
    }

    public void setPostedDate(Instant postedDate) {
        this.postedDate = postedDate;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public boolean isFeatured() {
        return featured;
    }

    public void setFeatured(boolean featured) {
        this.featured = featured;
    }

    public Long getFeaturedRank() {
        return featuredRank;
    }

    public void setFeaturedRank(Long featuredRank) {
        this.featuredRank = featuredRank;
    }

    public Instant getFeaturedFrom() {
        return featuredFrom;
    }

    public void setFeaturedFrom(Instant featuredFrom) {
        this.featuredFrom = featuredFrom;
    }

    public Instant getFeaturedUntil() {
        return featuredUntil;
    }

    public void setFeaturedUntil(Instant featuredUntil) {
        this.featuredUntil = featuredUntil;
    }

    public Instant getUnpublishDate() {
        return unpublishDate;
    }

    public void setUnpublishDate(Instant unpublishDate) {
        this.unpublishDate = unpublishDate;
    }

    /** The English version (never null; all blank when the article has none). */
    public TranslationDraft getEnglish() {
        return english;
    }

    public void setEnglish(TranslationDraft english) {
        this.english = english == null ? new TranslationDraft() : english;
    }
}
