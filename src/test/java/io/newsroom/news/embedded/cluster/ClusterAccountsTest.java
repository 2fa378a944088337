package io.newsroom.news.embedded.cluster;

import static io.newsroom.news.Eventually.await;
import static org.junit.jupiter.api.Assertions.*;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.newsroom.news.embedded.admin.accounts.AccountStore;
import io.newsroom.news.embedded.admin.accounts.AdminAccounts;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.NewsServerProcessTest;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's nodes share their admin accounts: the first node makes {@code admin}, the others use
 * it, a password reset on one node signs in on the other, and a node that had an accounts file of
 * its own brings it into an empty cluster.
 */
class ClusterAccountsTest {
    @TempDir
    Path folders;

    @Test
    void theAccountIsMadeOnceAndAResetOnOneNodeSignsInOnTheOther() throws Exception {
        try (ClusterDatabase database = ClusterDatabase.create();
                NewsRuntime a = node(database, "a");
                NewsRuntime b = node(database, "b")) {
            assertEquals(AdminAccounts.Creation.FROM_ENVIRONMENT, a.adminCreation(), "the first node makes admin");
            assertEquals(AdminAccounts.Creation.NONE, b.adminCreation(), "the second finds it");
            assertEquals(
                    AdminAccounts.Result.SIGNED_IN,
                    b.adminContext()
                            .accounts()
                            .signIn("admin", RuntimeConfig.TEST_ADMIN_PASSWORD, "192.0.2.1")
                            .result());

            Optional<String> made = AdminAccounts.resetPassword(b.accountStore(), folders.resolve("b"), "admin", null);
            String password = made.orElseThrow();
            String hashOnB = b.accountStore().hash("admin");
            await(() -> Objects.equals(hashOnB, a.accountStore().hash("admin")), "A sees the password reset on B");
            assertEquals(
                    AdminAccounts.Result.SIGNED_IN,
                    a.adminContext()
                            .accounts()
                            .signIn("admin", password, "192.0.2.2")
                            .result(),
                    "the password reset on B signs in on A");
            assertEquals(
                    AdminAccounts.Result.WRONG,
                    a.adminContext()
                            .accounts()
                            .signIn("admin", RuntimeConfig.TEST_ADMIN_PASSWORD, "192.0.2.3")
                            .result(),
                    "the old one no longer does");
            assertFalse(Files.exists(folders.resolve("a").resolve(AdminAccounts.FILE)), "no per-node accounts file");
        }
    }

    @Test
    void aNodeWithItsOwnAccountsFileBringsItIntoAnEmptyCluster() throws Exception {
        Path folder = folders.resolve("old");
        AccountStore.file(folder)
                .replace(Map.of("lan", BCrypt.withDefaults().hashToString(4, "mật khẩu của Lan".toCharArray())));
        try (ClusterDatabase database = ClusterDatabase.create();
                NewsRuntime old = node(database, "old");
                NewsRuntime other = node(database, "other")) {
            assertEquals(
                    AdminAccounts.Creation.NONE, old.adminCreation(), "no admin made: the file's accounts are there");
            assertEquals(
                    AdminAccounts.Result.SIGNED_IN,
                    other.adminContext()
                            .accounts()
                            .signIn("lan", "mật khẩu của Lan", "192.0.2.4")
                            .result(),
                    "on the other node too");
            assertEquals(
                    AdminAccounts.Result.WRONG,
                    other.adminContext()
                            .accounts()
                            .signIn("admin", RuntimeConfig.TEST_ADMIN_PASSWORD, "192.0.2.5")
                            .result());

            // No admin account in this cluster: the reset command says so and the node does not start.
            try (NewsServerProcessTest.Child reset = NewsServerProcessTest.Child.start(
                    "--cluster-db",
                    database.url(),
                    "--cluster-db-user",
                    database.user,
                    "--data",
                    folders.resolve("reset").toString(),
                    "--port",
                    "0",
                    "--no-demo",
                    "--reset-admin-password")) {
                assertTrue(reset.process.waitFor(60, TimeUnit.SECONDS), "the node stops");
                assertEquals(1, reset.process.exitValue());
                assertTrue(
                        reset.output().contains("The password was not reset: There is no admin account 'admin'"),
                        reset.output());
            }
            assertEquals(
                    AdminAccounts.Result.SIGNED_IN,
                    old.adminContext()
                            .accounts()
                            .signIn("lan", "mật khẩu của Lan", "192.0.2.7")
                            .result(),
                    "the accounts are as they were");
        }
    }

    /** The README's reset command on a cluster node (its own JVM) gives the shared account the new password. */
    @Test
    void theResetCommandOnAClusterNodeResetsTheSharedAccount() throws Exception {
        try (ClusterDatabase database = ClusterDatabase.create();
                NewsRuntime a = node(database, "a")) {
            String before = a.accountStore().hash("admin");
            try (NewsServerProcessTest.Child c = NewsServerProcessTest.Child.start(
                    "--cluster-db",
                    database.url(),
                    "--cluster-db-user",
                    database.user,
                    "--data",
                    folders.resolve("c").toString(),
                    "--port",
                    "0",
                    "--no-demo",
                    "--reset-admin-password")) {
                c.awaitUrl();
                Matcher printed = Pattern.compile("has a new password: (\\S+)").matcher(c.output());
                assertTrue(printed.find(), "the new password is printed once:\n" + c.output());
                await(
                        () -> !Objects.equals(before, a.accountStore().hash("admin")),
                        "A sees the password the command reset");
                assertEquals(
                        AdminAccounts.Result.SIGNED_IN,
                        a.adminContext()
                                .accounts()
                                .signIn("admin", printed.group(1), "192.0.2.6")
                                .result(),
                        "and signs in on node A");
            }
        }
    }

    private NewsRuntime node(ClusterDatabase database, String id) throws Exception {
        return NewsRuntime.start(
                RuntimeConfig.forTests().withDataFolder(folders.resolve(id)).withCluster(database.settings(id)));
    }
}
