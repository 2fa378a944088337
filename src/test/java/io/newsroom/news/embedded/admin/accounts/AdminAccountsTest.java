package io.newsroom.news.embedded.admin.accounts;

import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.MutableClock;
import io.newsroom.news.article.Role;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));

    @Test
    void theFirstStartMakesOneAdminAccountAndOnlyHashesAreStored(@TempDir Path folder) throws Exception {
        Map.Entry<AdminAccounts, Optional<String>> first = AdminAccounts.open(folder, null, clock);
        String password = first.getValue().orElseThrow();
        assertTrue(password.length() >= 16);
        String file = Files.readString(folder.resolve(AdminAccounts.FILE));
        assertFalse(file.contains(password), "the password itself is never written");
        assertTrue(file.contains("admin=$2"), "a bcrypt hash is");
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                first.getKey().signIn("admin", password, EDITOR).result());

        Map.Entry<AdminAccounts, Optional<String>> second = AdminAccounts.open(folder, "ignored now", clock);
        assertTrue(second.getValue().isEmpty(), "a later start makes no new account");
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                second.getKey().signIn("admin", password, EDITOR).result());
        assertEquals(
                AdminAccounts.Result.WRONG,
                second.getKey().signIn("admin", "ignored now", EDITOR).result());
    }

    @Test
    void aPasswordOverBcryptsLimitIsAClearRefusalNeverAnError(@TempDir Path folder) throws Exception {
        String tooLong = "mật-khẩu-".repeat(8); // 96 bytes in UTF-8
        assertFalse(AdminAccounts.fits(tooLong));
        AdminAccounts accounts =
                AdminAccounts.open(folder, "right password", clock).getKey();
        assertEquals(
                AdminAccounts.Result.TOO_LONG,
                accounts.signIn("admin", tooLong, EDITOR).result());
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> AdminAccounts.open(folder.resolve("other"), tooLong, clock));
        assertTrue(refused.getMessage().contains("72 bytes"), refused.getMessage());
        IllegalArgumentException atStart = assertThrows(
                IllegalArgumentException.class,
                () -> io.newsroom.news.embedded.server.RuntimeConfig.parse(
                        new String[0], java.util.Map.of("NEWS_ADMIN_PASSWORD", tooLong)));
        assertTrue(atStart.getMessage().startsWith("NEWS_ADMIN_PASSWORD: "), atStart.getMessage());
    }

    private static final String ATTACKER = "203.0.113.9";
    private static final String EDITOR = "198.51.100.7";

    @Test
    void anAttackerCannotKeepTheEditorOutForMoreThanHalfAMinute(@TempDir Path folder) throws Exception {
        AdminAccounts accounts =
                AdminAccounts.open(folder, "right password", clock).getKey();
        // Five wrong passwords every fifteen minutes, for an hour.
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                AdminAccounts.Outcome guess = accounts.signIn("admin", "guess " + round + i, ATTACKER);
                assertNotEquals(AdminAccounts.Result.SIGNED_IN, guess.result());
            }
            AdminAccounts.Outcome editor = accounts.signIn("admin", "right password", EDITOR);
            if (editor.result() == AdminAccounts.Result.THROTTLED) {
                assertTrue(editor.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0, "waits " + editor.retryAfter());
                clock.advance(editor.retryAfter());
                editor = accounts.signIn("admin", "right password", EDITOR);
            }
            assertEquals(AdminAccounts.Result.SIGNED_IN, editor.result(), "round " + round);
            clock.advance(Duration.ofMinutes(15));
        }
    }

    @Test
    void anEditorWhoSignedInBeforeGetsThroughWhileGuessesFromManyAddressesGoOn() {
        // The throttle alone (the passwords' checks are what AdminAccounts adds): 16 guessers on 150
        // addresses take every attempt on the account as it opens, for ten minutes.
        SignInThrottle throttle = new SignInThrottle();
        java.time.Instant now = java.time.Instant.parse("2026-12-01T08:00:00Z");
        throttle.finish(throttle.begin(EDITOR, "admin", now), true, now); // the editor's own device
        int attackerAddress = 0;
        int editorIn = 0;
        int strangerIn = 0;
        for (int second = 0; second < 600; second += 3) {
            for (int i = 0; i < 16; i++) {
                SignInThrottle.Permit guess = throttle.begin("203.0.113." + (attackerAddress++ % 150), "admin", now);
                throttle.finish(guess, false, now);
            }
            SignInThrottle.Permit stranger = throttle.begin("198.51.100.99", "admin", now);
            strangerIn += stranger.granted() ? 1 : 0;
            throttle.finish(stranger, false, now);
            SignInThrottle.Permit editor = throttle.begin(EDITOR, "admin", now);
            assertTrue(editor.granted(), "the editor at second " + second + " waits " + editor.retryAfter());
            throttle.finish(editor, true, now);
            editorIn++;
            now = now.plusSeconds(3);
        }
        assertEquals(200, editorIn, "every time");
        assertTrue(strangerIn < 10, "an address that never signed in waits behind the account's delay: " + strangerIn);
    }

    @Test
    void guessesFromOneAddressAndSpreadOverManyAreSlowedDown(@TempDir Path folder) throws Exception {
        AdminAccounts accounts =
                AdminAccounts.open(folder, "right password", clock).getKey();
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertEquals(
                    AdminAccounts.Result.WRONG,
                    accounts.signIn("admin", "guess " + i, ATTACKER).result());
        }
        AdminAccounts.Outcome slowed = accounts.signIn("admin", "guess", ATTACKER);
        assertEquals(AdminAccounts.Result.THROTTLED, slowed.result());
        // Many addresses, one account: each guess beyond the free ones waits, doubling up to the cap.
        Duration waited = Duration.ZERO;
        int guesses = 0;
        for (int i = 0; i < 20; i++) {
            AdminAccounts.Outcome guess = accounts.signIn("admin", "guess " + i, "192.0.2." + i);
            if (guess.result() == AdminAccounts.Result.THROTTLED) {
                waited = waited.plus(guess.retryAfter());
                clock.advance(guess.retryAfter());
                guess = accounts.signIn("admin", "guess " + i, "192.0.2." + i);
            }
            assertEquals(AdminAccounts.Result.WRONG, guess.result());
            guesses++;
        }
        assertTrue(waited.compareTo(Duration.ofMinutes(5)) > 0, "20 guesses cost " + waited);
        // The attacker's own address stays slow for longer than the account.
        assertEquals(
                AdminAccounts.Result.THROTTLED,
                accounts.signIn("admin", "guess", ATTACKER).result());
        assertEquals(20, guesses);
    }

    @Test
    void parallelGuessesCannotSlipPastTheCount(@TempDir Path folder) throws Exception {
        AdminAccounts accounts =
                AdminAccounts.open(folder, "right password", clock).getKey();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<AdminAccounts.Outcome>> outcomes = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 20; i++) {
                int n = i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return accounts.signIn("admin", "parallel " + n, ATTACKER);
                }));
            }
            go.countDown();
            int checked = 0;
            for (var outcome : outcomes) {
                if (outcome.get().result() == AdminAccounts.Result.WRONG) {
                    checked++;
                }
            }
            assertEquals(
                    SignInThrottle.FREE_FAILURES, checked, "at most five passwords are ever checked before the wait");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownAndKnownNamesGetTheSameAnswer(@TempDir Path folder) throws Exception {
        AdminAccounts accounts =
                AdminAccounts.open(folder, "right password", clock).getKey();
        assertEquals(
                AdminAccounts.Result.WRONG,
                accounts.signIn("nobody", "right password", EDITOR).result());
        assertEquals(
                AdminAccounts.Result.WRONG,
                accounts.signIn("admin", "wrong", EDITOR).result());
        assertEquals(
                AdminAccounts.Result.WRONG, accounts.signIn(null, null, EDITOR).result());
        // Same work: bcrypt (cost 12, well over 50 ms anywhere) runs for an unknown name too. Only a lower
        // bound is checked: a loaded machine makes it slower, never faster.
        long unknown = timeOf(() -> accounts.signIn("nobody-at-all", "wrong", "192.0.2.201"));
        assertTrue(unknown >= 50, "an unknown name answered in " + unknown + " ms: no bcrypt check ran");
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                accounts.signIn("admin", "right password", EDITOR).result());
    }

    private static long timeOf(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void anEditorChangesTheirOwnPasswordOnlyWithTheCurrentOneAndByTheRules(@TempDir Path folder) throws Exception {
        AdminAccounts accounts =
                AdminAccounts.open(folder, "right password", clock).getKey();
        assertEquals(
                Optional.of("news.admin.password.currentWrong"),
                accounts.changePassword("admin", "wrong", "a good new password", "192.0.2.7"));
        assertEquals(
                Optional.of("news.admin.password.tooShort"),
                accounts.changePassword("admin", "right password", "short", "192.0.2.7"));
        assertEquals(
                Optional.of("news.admin.password.tooLong"),
                accounts.changePassword("admin", "right password", "ậ".repeat(25), "192.0.2.7"),
                "25 letters but 75 bytes: over bcrypt's 72");
        assertEquals(
                Optional.of("news.admin.password.same"),
                accounts.changePassword("admin", "right password", "right password", "192.0.2.7"));
        assertEquals(
                Optional.of("news.admin.password.likeName"), AdminAccounts.weakness("phuong.lan", "x", "Phuong.Lan"));
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                accounts.signIn("admin", "right password", "192.0.2.8").result(),
                "every refusal changed nothing");

        assertEquals(
                Optional.empty(), accounts.changePassword("admin", "right password", "mật khẩu mới dài", "192.0.2.7"));
        assertEquals(
                AdminAccounts.Result.WRONG,
                accounts.signIn("admin", "right password", "192.0.2.9").result());
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                AdminAccounts.open(folder, null, clock)
                        .getKey()
                        .signIn("admin", "mật khẩu mới dài", "192.0.2.9")
                        .result(),
                "kept in the store: a restart signs in with it");
    }

    @Test
    void anAdministratorAddsResetsAndDisablesAccounts() throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock)) {
            anAdministratorAddsResetsAndDisablesAccountsIn(
                    runtime.adminContext().accounts());
        }
    }

    private void anAdministratorAddsResetsAndDisablesAccountsIn(AdminAccounts accounts) throws Exception {
        assertEquals(
                "news.admin.users.badName",
                assertThrows(
                                AdminAccounts.Refused.class,
                                () -> accounts.addAccount("Lan Nguyễn", "lan@phuong.vn", Role.EDITOR))
                        .messageKey());
        assertEquals(
                "news.admin.users.badEmail",
                assertThrows(
                                AdminAccounts.Refused.class,
                                () -> accounts.addAccount("lan.nguyen", "lan@phuong", Role.EDITOR))
                        .messageKey(),
                "an address with a domain");
        assertEquals(
                "news.admin.users.badEmail",
                assertThrows(AdminAccounts.Refused.class, () -> accounts.addAccount("lan.nguyen", " ", Role.EDITOR))
                        .messageKey(),
                "required");
        assertTrue(accounts.accounts().stream().noneMatch(a -> a.name().equals("lan.nguyen")), "nothing added");
        String temporary = accounts.addAccount("lan.nguyen", " lan.nguyen@phuong.vn ", Role.EDITOR);
        assertEquals(
                "news.admin.users.taken",
                assertThrows(
                                AdminAccounts.Refused.class,
                                () -> accounts.addAccount("lan.nguyen", "lan2@phuong.vn", Role.REPORTER))
                        .messageKey());
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                accounts.signIn("lan.nguyen", temporary, "192.0.2.1").result());
        assertTrue(accounts.mustChangePassword("lan.nguyen"), "a temporary password is to be changed");
        assertEquals(
                Optional.empty(),
                accounts.changePassword("lan.nguyen", temporary, "mật khẩu riêng của Lan", "192.0.2.1"));
        assertFalse(accounts.mustChangePassword("lan.nguyen"));

        String reset = accounts.resetPassword("lan.nguyen");
        assertEquals(
                AdminAccounts.Result.WRONG,
                accounts.signIn("lan.nguyen", "mật khẩu riêng của Lan", "192.0.2.1")
                        .result(),
                "the old password stops working at once");
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                accounts.signIn("lan.nguyen", reset, "192.0.2.2").result());
        assertTrue(accounts.mustChangePassword("lan.nguyen"));

        assertEquals(
                "news.admin.users.notYourself",
                assertThrows(AdminAccounts.Refused.class, () -> accounts.setDisabled("admin", "admin", true))
                        .messageKey());
        assertFalse(accounts.isDisabled("lan.nguyen"));
        accounts.setDisabled("admin", "lan.nguyen", true);
        assertTrue(accounts.isDisabled("lan.nguyen"), "open sessions end: the filter asks this");
        assertEquals(
                AdminAccounts.Result.DISABLED,
                accounts.signIn("lan.nguyen", reset, "192.0.2.3").result(),
                "said only with the right password");
        assertEquals(
                AdminAccounts.Result.WRONG,
                accounts.signIn("lan.nguyen", "a guess", "192.0.2.4").result());
        assertEquals(
                "news.admin.users.lastOne",
                assertThrows(AdminAccounts.Refused.class, () -> accounts.setDisabled("lan.nguyen", "admin", true))
                        .messageKey(),
                "admin is the last enabled account");
        accounts.setDisabled("admin", "lan.nguyen", false);
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                accounts.signIn("lan.nguyen", reset, "192.0.2.5").result());
        assertEquals(
                List.of(
                        new AdminAccounts.Account("admin", null, false, false, Role.ADMINISTRATOR),
                        new AdminAccounts.Account("lan.nguyen", "lan.nguyen@phuong.vn", false, true, Role.EDITOR)),
                accounts.accounts());
        assertTrue(accounts.isDisabled("nobody"), "an account that is gone counts as disabled");
    }

    @Test
    void rolesAreKeptWithTheAccountAndTheLastAdministratorStays() throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests(), LightModule.locate(), clock)) {
            rolesAreKeptWithTheAccountAndTheLastAdministratorStaysIn(
                    runtime.adminContext().accounts());
        }
    }

    private void rolesAreKeptWithTheAccountAndTheLastAdministratorStaysIn(AdminAccounts accounts) throws Exception {
        assertEquals(Role.ADMINISTRATOR, accounts.role("admin"), "an account made before roles administers");
        String temporary = accounts.addAccount("nam.tran", "nam@phuong.vn", Role.REPORTER);
        assertEquals(Role.REPORTER, accounts.role("nam.tran"));
        assertEquals(
                "news.admin.users.lastAdministrator",
                assertThrows(AdminAccounts.Refused.class, () -> accounts.setRole("admin", Role.EDITOR))
                        .messageKey());
        accounts.setRole("nam.tran", Role.ADMINISTRATOR);
        accounts.setRole("admin", Role.EDITOR);
        assertEquals(Role.EDITOR, accounts.role("admin"));
        assertEquals(Role.EDITOR, accounts.currentRole("admin"), "what each request sees");
        // A password change, a reset, disabling: the role stays.
        accounts.changePassword("nam.tran", temporary, "một mật khẩu của Nam", "192.0.2.1");
        accounts.setDisabled("nam.tran", "admin", true);
        accounts.setDisabled("nam.tran", "admin", false);
        accounts.resetPassword("admin");
        assertEquals(Role.EDITOR, accounts.role("admin"));
        assertEquals(Role.ADMINISTRATOR, accounts.role("nam.tran"));
        assertEquals(
                AdminAccounts.Result.SIGNED_IN,
                accounts.signIn("nam.tran", "một mật khẩu của Nam", "192.0.2.2").result(),
                "the role mark never gets in the way of the hash");
        // Only an administrator changes accounts, checked where the change is made.
        io.newsroom.news.article.Actor editor = new io.newsroom.news.article.Actor("admin", Role.EDITOR);
        assertThrows(
                io.newsroom.news.article.Actor.NotAllowedException.class,
                () -> io.newsroom.news.article.Actor.runAs(
                        editor, () -> accounts.addAccount("hoa", "hoa@phuong.vn", Role.REPORTER)));
        assertFalse(accounts.accounts().stream().anyMatch(a -> a.name().equals("hoa")), "nothing added");
    }
}
