package io.newsroom.news.article;

import java.time.Instant;

/**
 * One stored article, read from its JCR node.
 *
 * @param id      the node identifier (UUID); stable across moves, renames, publication and import
 * @param path    the node path, e.g. {@code /2020/10/dang-bo-phuong}
 * @param version what an update must name to prove the editor saw the latest state
 *                ({@code mgnl:lastModified} in milliseconds; every save moves it forward)
 * @param english its English version, or null when it has none
 */
public record Article(
        String id,
        String path,
        String name,
        String title,
        String lead,
        String body,
        String image,
        String imageAlt,
        String imageCaption,
        String imageCredit,
        Instant postedDate,
        String category,
        String author,
        boolean featured,
        Long featuredRank,
        Instant featuredFrom,
        Instant featuredUntil,
        Instant unpublishDate,
        Instant created,
        Instant lastModified,
        long version,
        String lastModifiedBy,
        Publication publication,
        Instant trashed,
        Translation english) {

    public ArticleDraft toDraft() {
        ArticleDraft draft = new ArticleDraft();
        draft.setName(name);
        draft.setTitle(title);
        draft.setLead(lead);
        draft.setBody(body);
        draft.setImage(image);
        draft.setImageAlt(imageAlt);
        draft.setImageCaption(imageCaption);
        draft.setImageCredit(imageCredit);
        draft.setPostedDate(postedDate);
        draft.setCategory(category);
        draft.setAuthor(author);
        draft.setFeatured(featured);
        draft.setFeaturedRank(featuredRank);
        draft.setFeaturedFrom(featuredFrom);
        draft.setFeaturedUntil(featuredUntil);
        draft.setUnpublishDate(unpublishDate);
        draft.setEnglish(TranslationDraft.of(english));
        return draft;
    }

    /** The same content under another identity: a version's copy read back as the article it was. */
    public Article withIdentity(String id, String path, String name) {
        return new Article(
                id,
                path,
                name,
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
                created,
                lastModified,
                version,
                lastModifiedBy,
                publication,
                trashed,
                english);
    }

    /**
     * Shown to readers at {@code now}: published, not in the trash, its posted date has come and its
     * unpublish date (if any) has not.
     */
    public boolean isVisibleAt(Instant now) {
        return trashed == null
                && publication.published()
                && postedDate != null
                && !postedDate.isAfter(now)
                && !isExpiredAt(now);
    }

    /** Its unpublish date has come: readers no longer see it (the scheduler then unpublishes it). */
    public boolean isExpiredAt(Instant now) {
        return unpublishDate != null && !unpublishDate.isAfter(now);
    }

    /** Its posted date has come (whatever its publication). */
    public boolean isPostedBy(Instant now) {
        return postedDate != null && !postedDate.isAfter(now);
    }

    /** In the trash (Magnolia's {@code mgnl:deleted} mark), since {@link #trashed}. */
    public boolean isTrashed() {
        return trashed != null;
    }

    /** Draft; published but waiting for its posted date; published; or published and edited since. */
    public Publication.State state(Instant now) {
        return publication.stateAt(now, postedDate, lastModified);
    }

    /** Featured and inside its optional featured window at {@code now}. */
    public boolean isFeaturedAt(Instant now) {
        return featured
                && (featuredFrom == null || !featuredFrom.isAfter(now))
                && (featuredUntil == null || featuredUntil.isAfter(now));
    }

    /** Its version in {@code language}: itself for the site's language, else its translation or none. */
    public java.util.Optional<Translation> translation(String language) {
        return english != null && english.language().equals(language)
                ? java.util.Optional.of(english)
                : java.util.Optional.empty();
    }

    /**
     * The article as readers of {@code language} see it: for a translated language, the translation's
     * texts, its address ({@code name} and {@code path} in the same folder) and its state; the rest is
     * the article's. Empty when it has no version in that language. The site's own language (or null)
     * gives the article itself.
     */
    public java.util.Optional<Article> inLanguage(String language) {
        if (language == null || !isTranslatedLanguage(language)) {
            return java.util.Optional.of(this);
        }
        return translation(language)
                .map(t -> new Article(
                        id,
                        path.substring(0, path.lastIndexOf('/') + 1) + t.slug(),
                        t.slug(),
                        t.title(),
                        t.lead(),
                        t.body(),
                        image,
                        t.imageAlt(),
                        t.imageCaption(),
                        imageCredit,
                        postedDate,
                        category,
                        author,
                        featured,
                        featuredRank,
                        featuredFrom,
                        featuredUntil,
                        unpublishDate,
                        created,
                        lastModified,
                        version,
                        lastModifiedBy,
                        t.publication(),
                        trashed,
                        english));
    }

    /** Whether articles have separate versions in {@code language} (English); the site's own language is the article. */
    public static boolean isTranslatedLanguage(String language) {
        return Translation.ENGLISH.equals(language);
    }
}
