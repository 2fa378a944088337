package io.newsroom.news.admin;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsroom.news.MutableClock;

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
        assertEquals(AdminAccounts.Result.SIGNED_IN, first.getKey().signIn("admin", password));

        Map.Entry<AdminAccounts, Optional<String>> second = AdminAccounts.open(folder, "ignored now", clock);
        assertTrue(second.getValue().isEmpty(), "a later start makes no new account");
        assertEquals(AdminAccounts.Result.SIGNED_IN, second.getKey().signIn("admin", password));
        assertEquals(AdminAccounts.Result.WRONG, second.getKey().signIn("admin", "ignored now"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile(@TempDir Path folder) throws Exception {
        AdminAccounts accounts = AdminAccounts.open(folder, "right password", clock).getKey();
        for (int i = 1; i < AdminAccounts.MAX_FAILURES; i++) {
            assertEquals(AdminAccounts.Result.WRONG, accounts.signIn("admin", "wrong " + i));
        }
        assertEquals(AdminAccounts.Result.LOCKED, accounts.signIn("admin", "wrong again"));
        assertEquals(AdminAccounts.Result.LOCKED, accounts.signIn("admin", "right password"), "even the right one, while locked");
        clock.advance(AdminAccounts.LOCK.plus(Duration.ofSeconds(1)));
        assertEquals(AdminAccounts.Result.SIGNED_IN, accounts.signIn("admin", "right password"));
        assertEquals(AdminAccounts.Result.WRONG, accounts.signIn("nobody", "right password"));
        assertEquals(AdminAccounts.Result.WRONG, accounts.signIn(null, null));
    }
}
