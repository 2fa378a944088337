package io.newsroom.news.embedded.admin;

import io.newsroom.news.article.ArticleDraft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jsoup.Jsoup;

/**
 * Three states of one article after a refused save: what the editor opened (base), what the editor
 * has in the form (mine) and what someone saved meanwhile (theirs). Says field by field where mine and
 * theirs differ and who changed what, and merges them as the editor chooses.
 */
final class ConflictMerge {

    /** The fields an editor writes, in the form's order, with how to read and set each on a draft. */
    enum Field {
        TITLE("news.article.title.label", ArticleDraft::getTitle, (d, v) -> d.setTitle((String) v)),
        NAME("news.admin.slug", ArticleDraft::getName, (d, v) -> d.setName((String) v)),
        LEAD("news.article.lead.label", ArticleDraft::getLead, (d, v) -> d.setLead((String) v)),
        BODY("news.article.body.label", ArticleDraft::getBody, (d, v) -> d.setBody((String) v)),
        POSTED_DATE(
                "news.article.postedDate.label", ArticleDraft::getPostedDate, (d, v) -> d.setPostedDate((Instant) v)),
        UNPUBLISH_DATE(
                "news.article.unpublishDate.label",
                ArticleDraft::getUnpublishDate,
                (d, v) -> d.setUnpublishDate((Instant) v)),
        CATEGORY("news.article.category.label", ArticleDraft::getCategory, (d, v) -> d.setCategory((String) v)),
        AUTHOR("news.article.author.label", ArticleDraft::getAuthor, (d, v) -> d.setAuthor((String) v)),
        IMAGE("news.article.image.label", ArticleDraft::getImage, (d, v) -> d.setImage((String) v)),
        IMAGE_ALT("news.article.imageAlt.label", ArticleDraft::getImageAlt, (d, v) -> d.setImageAlt((String) v)),
        IMAGE_CAPTION(
                "news.article.imageCaption.label",
                ArticleDraft::getImageCaption,
                (d, v) -> d.setImageCaption((String) v)),
        IMAGE_CREDIT(
                "news.article.imageCredit.label", ArticleDraft::getImageCredit, (d, v) -> d.setImageCredit((String) v)),
        FEATURED("news.article.featured.label", ArticleDraft::isFeatured, (d, v) -> d.setFeatured((Boolean) v)),
        FEATURED_RANK(
                "news.article.featuredRank.label",
                ArticleDraft::getFeaturedRank,
                (d, v) -> d.setFeaturedRank((Long) v)),
        FEATURED_FROM(
                "news.article.featuredFrom.label",
                ArticleDraft::getFeaturedFrom,
                (d, v) -> d.setFeaturedFrom((Instant) v)),
        FEATURED_UNTIL(
                "news.article.featuredUntil.label",
                ArticleDraft::getFeaturedUntil,
                (d, v) -> d.setFeaturedUntil((Instant) v)),
        ENGLISH_TITLE(
                "news.admin.english.title",
                d -> d.getEnglish().getTitle(),
                (d, v) -> d.getEnglish().setTitle((String) v)),
        ENGLISH_SLUG(
                "news.admin.english.slug",
                d -> d.getEnglish().getSlug(),
                (d, v) -> d.getEnglish().setSlug((String) v)),
        ENGLISH_LEAD(
                "news.admin.english.lead",
                d -> d.getEnglish().getLead(),
                (d, v) -> d.getEnglish().setLead((String) v)),
        ENGLISH_BODY(
                "news.admin.english.body",
                d -> d.getEnglish().getBody(),
                (d, v) -> d.getEnglish().setBody((String) v)),
        ENGLISH_IMAGE_ALT(
                "news.admin.english.imageAlt",
                d -> d.getEnglish().getImageAlt(),
                (d, v) -> d.getEnglish().setImageAlt((String) v)),
        ENGLISH_IMAGE_CAPTION(
                "news.admin.english.imageCaption",
                d -> d.getEnglish().getImageCaption(),
                (d, v) -> d.getEnglish().setImageCaption((String) v));

        final String labelKey;
        private final Function<ArticleDraft, Object> read;
        private final BiConsumer<ArticleDraft, Object> write;

        Field(String labelKey, Function<ArticleDraft, Object> read, BiConsumer<ArticleDraft, Object> write) {
            this.labelKey = labelKey;
            this.read = read;
            this.write = write;
        }

        /** Sets the field from a stored value (a date as its ISO text, a rank as any number). */
        void set(ArticleDraft draft, Object stored) {
            Object value = stored;
            if (stored != null && read.apply(new ArticleDraft()) instanceof Boolean) {
                value = Boolean.TRUE.equals(stored);
            } else if (stored instanceof Number n && this == FEATURED_RANK) {
                value = n.longValue();
            } else if (stored instanceof String text && isDate()) {
                value = Instant.parse(text);
            }
            if (value == null && this == FEATURED) {
                value = Boolean.FALSE;
            }
            write.accept(draft, value);
        }

        private boolean isDate() {
            return this == POSTED_DATE || this == UNPUBLISH_DATE || this == FEATURED_FROM || this == FEATURED_UNTIL;
        }

        Object of(ArticleDraft draft) {
            Object value = read.apply(draft);
            // An empty text and none are the same to an editor.
            return value instanceof String s && s.isEmpty() ? null : value;
        }
    }

    /** A field where mine and theirs differ, with who changed it since the editor opened the article. */
    record Difference(Field field, Object mine, Object theirs, boolean iChanged, boolean theyChanged) {
        /** Theirs is kept unless the editor changed the field too (then the editor decides, mine first). */
        boolean theirsByDefault() {
            return theyChanged && !iChanged;
        }
    }

    private ConflictMerge() {}

    static List<Difference> differences(ArticleDraft base, ArticleDraft mine, ArticleDraft theirs) {
        List<Difference> found = new ArrayList<>();
        for (Field field : Field.values()) {
            Object m = field.of(mine);
            Object t = field.of(theirs);
            if (!Objects.equals(m, t)) {
                Object b = field.of(base);
                found.add(new Difference(field, m, t, !Objects.equals(b, m), !Objects.equals(b, t)));
            }
        }
        return found;
    }

    /** Mine, with the fields in {@code takeTheirs} as they saved them. */
    static ArticleDraft merged(ArticleDraft mine, ArticleDraft theirs, Set<Field> takeTheirs) {
        ArticleDraft merged = mine.copy();
        for (Field field : takeTheirs) {
            field.write.accept(merged, field.read.apply(theirs));
        }
        return merged;
    }

    /** A value as the editor reads it: dates in the site's zone, the body's text, "✓" for yes, "—" for none. */
    static String shown(Object value, ZoneId zone) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Instant instant) {
            return ArticleRow.POSTED.format(instant.atZone(zone));
        }
        if (value instanceof Boolean yes) {
            return yes ? "✓" : "—";
        }
        String text = value.toString();
        return text.contains("<") ? Jsoup.parseBodyFragment(text).text() : text;
    }
}
