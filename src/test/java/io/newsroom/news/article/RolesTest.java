package io.newsroom.news.article;

import static io.newsroom.news.TestArticles.draft;
import static io.newsroom.news.TestArticles.unpublished;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.assets.ImageAssetsTest;
import io.newsroom.news.embedded.demo.DemoContent;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every action, called as every role, where the change is made (no screen in between): allowed exactly
 * as the newsroom's division of work says, and a refused one changes nothing.
 */
class RolesTest {
    private static NewsRuntime runtime;

    private static final Set<String> EDITORS = Set.of(
            "feature own draft",
            "create draft",
            "create published",
            "edit own draft",
            "edit another's draft",
            "edit a published article",
            "publish",
            "unpublish",
            "trash",
            "restore",
            "delete for ever",
            "featured order",
            "submit own draft",
            "submit another's draft",
            "send back",
            "publish English",
            "image details",
            "delete image");
    private static final Set<String> SITE_BUILDERS =
            Set.of("add block", "publish page", "make page", "image details", "delete image");

    /**
     * What each role may do, written out (not derived from {@link Role}): the test of the roles' table. An
     * administrator may do what an editor and a site builder may, and manage accounts and read the trail.
     * (A reporter's "feature own draft" is refused: the featured block is an editor's.)
     */
    private static final Map<Role, Set<String>> ALLOWED = Map.of(
            Role.REPORTER,
            Set.of("create draft", "edit own draft", "submit own draft"),
            Role.EDITOR,
            EDITORS,
            Role.SITE_BUILDER,
            SITE_BUILDERS,
            Role.ADMINISTRATOR,
            union(EDITORS, SITE_BUILDERS, Set.of("read audit trail", "add account")));

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    @FunctionalInterface
    private interface Action {
        void run(String user) throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        runtime = NewsRuntime.start(RuntimeConfig.forTests());
        DemoContent.createOnFirstStart(
                runtime.repository(), runtime.articles(), runtime.config().siteZone());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void eachRoleMayDoExactlyItsShareAndARefusalChangesNothing() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(1));
        Map<String, Action> actions = new LinkedHashMap<>();
        actions.put("create draft", user -> runtime.articles().create(unpublished("Nháp của " + user, past), user));
        actions.put("create published", user -> runtime.articles().create(draft("Đăng ngay của " + user, past), user));
        actions.put("edit own draft", user -> {
            Article own =
                    Actor.runAs(null, () -> runtime.articles().create(unpublished("Bài riêng " + user, past), user));
            edit(own, user);
        });
        actions.put("feature own draft", user -> {
            Article own =
                    Actor.runAs(null, () -> runtime.articles().create(unpublished("Muốn nổi bật " + user, past), user));
            Article current = runtime.articles().findById(own.id()).orElseThrow();
            ArticleDraft changed = current.toDraft();
            changed.setFeatured(true);
            runtime.articles().update(current.id(), current.version(), changed, user);
        });
        actions.put("edit another's draft", user -> edit(trusted(unpublished("Bài của người khác", past)), user));
        actions.put("edit a published article", user -> edit(trusted(draft("Bài đã đăng", past)), user));
        actions.put(
                "publish",
                user -> runtime.publishing()
                        .publish(trusted(unpublished("Chờ đăng", past)).id(), user));
        actions.put(
                "unpublish",
                user -> runtime.publishing()
                        .unpublish(trusted(draft("Sẽ gỡ", past)).id(), user));
        actions.put(
                "trash",
                user -> runtime.publishing()
                        .trash(trusted(draft("Vào thùng rác", past)).id(), user));
        actions.put("restore", user -> {
            Article trashed = trusted(draft("Trong thùng rác", past));
            Actor.runAs(null, () -> runtime.publishing().trash(trashed.id(), "lan"));
            runtime.publishing().restore(trashed.id(), user);
        });
        actions.put("delete for ever", user -> {
            Article doomed = trusted(draft("Xoá hẳn", past));
            if (!runtime.articles().delete(doomed.id(), user)) {
                fail("nothing deleted");
            }
        });
        actions.put(
                "featured order",
                user -> runtime.articles().setFeaturedRanks(Map.of(trusted(draft("Nổi bật", past)), 1L), user));
        actions.put("submit own draft", user -> {
            Article own =
                    Actor.runAs(null, () -> runtime.articles().create(unpublished("Xin duyệt " + user, past), user));
            runtime.adminContext().reviews().submit(own.id(), user);
        });
        actions.put(
                "submit another's draft",
                user -> runtime.adminContext()
                        .reviews()
                        .submit(trusted(unpublished("Nháp của Lan", past)).id(), user));
        actions.put("send back", user -> {
            Article waiting = trusted(unpublished("Chờ duyệt", past));
            Actor.runAs(null, () -> runtime.adminContext().reviews().submit(waiting.id(), "lan"));
            runtime.adminContext().reviews().sendBack(waiting.id(), user, "Thêm nguồn tin");
        });
        actions.put("add block", user -> {
            runtime.pageDrafts().copyNewPages();
            String home = runtime.adminContext().pages().pages().get(0).path();
            WebsitePagesAccess.addFirstAllowed(runtime, home, user);
        });
        actions.put("publish English", user -> {
            ArticleDraft translated = draft("Có bản tiếng Anh", past);
            translated.getEnglish().setTitle("With an English version");
            runtime.publishing().publishEnglish(trusted(translated).id(), user);
        });
        actions.put("publish page", user -> {
            runtime.pageDrafts().copyNewPages();
            runtime.pageDrafts().publish("/home", user);
        });
        actions.put(
                "make page",
                user -> runtime.sitePages().create("Trang của " + user, null, null, "news:pages/content", user));
        actions.put(
                "image details",
                user -> runtime.images().describe(image(), new ImageAssets.Details("Mô tả", "", "", 0.5, 0.5), user));
        actions.put("delete image", user -> {
            if (!runtime.images().delete(image())) {
                fail("nothing deleted");
            }
        });
        actions.put("read audit trail", user -> runtime.audit().find(AuditTrail.Filter.ALL, 10));
        actions.put(
                "add account",
                user -> runtime.adminContext()
                        .accounts()
                        .addAccount("new." + user, "new." + user + "@phuong.vn", Role.REPORTER));

        for (Role role : Role.values()) {
            String user = role.name().toLowerCase().replace('_', '.');
            Set<String> allowed = new TreeSet<>();
            for (Map.Entry<String, Action> action : actions.entrySet()) {
                long articlesBefore = runtime.articles().count(ArticleQuery.newest(1));
                try {
                    Actor.runAs(new Actor(user, role), () -> {
                        action.getValue().run(user);
                        return null;
                    });
                    allowed.add(action.getKey());
                } catch (Actor.NotAllowedException refused) {
                    if (action.getKey().startsWith("create")) {
                        assertEquals(
                                articlesBefore,
                                runtime.articles().count(ArticleQuery.newest(1)),
                                role + " refused " + action.getKey() + ": nothing created");
                    }
                }
            }
            assertEquals(new TreeSet<>(ALLOWED.get(role)), allowed, role + " may do exactly this");
        }
    }

    @Test
    void aReportersOwnDraftIsTheirsOnlyUntilItIsPublished() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(1));
        Actor reporter = new Actor("phong.vien", Role.REPORTER);
        Article own =
                Actor.runAs(reporter, () -> runtime.articles().create(unpublished("Tin phường", past), "phong.vien"));
        Article edited = Actor.runAs(reporter, () -> edit(own, "phong.vien"));
        Actor.runAs(null, () -> runtime.publishing().publish(edited.id(), "bien.tap"));
        assertThrows(Actor.NotAllowedException.class, () -> Actor.runAs(reporter, () -> edit(edited, "phong.vien")));
        assertEquals(
                edited.lead(),
                runtime.articles().findById(edited.id()).orElseThrow().lead(),
                "unchanged");
    }

    private static Article trusted(ArticleDraft draft) throws Exception {
        return Actor.runAs(null, () -> runtime.articles().create(draft, "lan"));
    }

    private static Article edit(Article article, String user) throws Exception {
        Article current = runtime.articles().findById(article.id()).orElseThrow();
        ArticleDraft changed = current.toDraft();
        changed.setLead("Sửa bởi " + user + " " + System.nanoTime());
        return runtime.articles().update(current.id(), current.version(), changed, user);
    }

    private static String image() throws Exception {
        return Actor.runAs(null, () -> runtime.images().storeInLibrary(ImageAssetsTest.image("png"), "anh.png"));
    }

    /** Adds the first block the home page's first area allows (a site builder's everyday action). */
    private static final class WebsitePagesAccess {
        static void addFirstAllowed(NewsRuntime runtime, String page, String user) throws Exception {
            var areas = Actor.runAs(null, () -> runtime.adminContext().pages().areas(page));
            var area = areas.stream()
                    .filter(a -> !a.availableComponents().isEmpty())
                    .findFirst()
                    .orElseThrow();
            runtime.adminContext()
                    .pages()
                    .add(page, area.name(), area.availableComponents().get(0), Map.of(), user);
        }
    }
}
