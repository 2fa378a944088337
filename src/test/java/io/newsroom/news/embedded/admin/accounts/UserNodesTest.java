package io.newsroom.news.embedded.admin.accounts;

import static org.junit.jupiter.api.Assertions.*;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.newsroom.news.article.Role;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts in the users workspace, read back as Magnolia would find them. */
class UserNodesTest {
    @TempDir
    Path data;

    @Test
    void accountsAreMagnoliaUsersWithTheirRoleAsAReferenceToAUserRole() throws Exception {
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            AdminAccounts accounts = runtime.adminContext().accounts();
            String temporary = accounts.addAccount("lan.nguyen", "lan.nguyen@phuong.vn", Role.EDITOR);
            accounts.addAccount("minh", "minh@phuong.vn", Role.SITE_BUILDER);
            accounts.setDisabled("admin", "minh", true);

            Map<String, Object> lan = user(runtime, "lan.nguyen");
            assertEquals("mgnl:user", lan.get("type"));
            assertEquals("lan.nguyen", lan.get("name"));
            assertTrue(
                    BCrypt.verifyer().verify(temporary.toCharArray(), (String) lan.get("pswd")).verified,
                    "bcrypt in pswd");
            assertEquals(true, lan.get("enabled"));
            assertEquals(true, lan.get("mustChangePassword"));
            assertEquals("news-editor", lan.get("role"), "roles/0 holds the identifier of the userroles node");
            assertEquals("mgnl:role", lan.get("roleType"));
            assertEquals("lan.nguyen@phuong.vn", lan.get("email"), "Magnolia's email property");

            Map<String, Object> minh = user(runtime, "minh");
            assertEquals(false, minh.get("enabled"));
            assertEquals("news-site-builder", minh.get("role"));
            assertEquals("superuser", user(runtime, "admin").get("role"), "Magnolia's administrators' role");

            // A role change replaces the reference (one role, as the screen offers).
            accounts.setRole("lan.nguyen", Role.REPORTER);
            assertEquals("news-reporter", user(runtime, "lan.nguyen").get("role"));
            assertEquals(Role.REPORTER, accounts.role("lan.nguyen"));
            assertTrue(accounts.isDisabled("minh"));
        }
    }

    @Test
    void theAccountsFileOfAnEarlierVersionMovesIntoTheUsersWorkspace() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, "mật khẩu của Lan".toCharArray());
        AccountStore.file(data).replace(Map.of("lan", "~{EDITOR}" + hash, "admin", hash));
        RuntimeConfig config = RuntimeConfig.parse(new String[] {"--data", data.toString(), "--no-demo"}, Map.of());
        try (NewsRuntime runtime = NewsRuntime.start(config)) {
            assertFalse(Files.exists(data.resolve(AdminAccounts.FILE)), "the repository holds them now");
            Map<String, Object> lan = user(runtime, "lan");
            assertEquals("mgnl:user", lan.get("type"));
            assertEquals(hash, lan.get("pswd"), "the bare hash: state and role are properties");
            assertEquals(true, lan.get("mustChangePassword"));
            assertEquals("news-editor", lan.get("role"));
            assertEquals("superuser", user(runtime, "admin").get("role"));
            assertEquals(
                    AdminAccounts.Result.SIGNED_IN,
                    runtime.adminContext()
                            .accounts()
                            .signIn("lan", "mật khẩu của Lan", "192.0.2.9")
                            .result());
        }
        try (NewsRuntime again = NewsRuntime.start(config)) {
            assertEquals(Role.EDITOR, again.adminContext().accounts().role("lan"), "kept over a restart");
            assertEquals(AdminAccounts.Creation.NONE, again.adminCreation());
        }
    }

    /** The user node's properties as stored, and the name and type of the role its {@code roles/0} points to. */
    private static Map<String, Object> user(NewsRuntime runtime, String name) throws Exception {
        return runtime.repository().sessions().run(AccountStore.UserNodes.WORKSPACE, session -> {
            Node user = session.getNode("/admin/" + name);
            String roleId = user.getNode("roles").getProperty("0").getString();
            return runtime.repository().sessions().run(AccountStore.UserNodes.ROLES_WORKSPACE, roles -> {
                Node role = roles.getNodeByIdentifier(roleId);
                return Map.<String, Object>of(
                        "type", user.getPrimaryNodeType().getName(),
                        "email",
                                user.hasProperty("email")
                                        ? user.getProperty("email").getString()
                                        : "",
                        "name", user.getProperty("name").getString(),
                        "pswd", user.getProperty("pswd").getString(),
                        "enabled", user.getProperty("enabled").getBoolean(),
                        "mustChangePassword",
                                user.getProperty("mustChangePassword").getBoolean(),
                        "role", role.getName(),
                        "roleType", role.getPrimaryNodeType().getName());
            });
        });
    }
}
