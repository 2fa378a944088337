package io.newsroom.news.article;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an admin account may do, as a newsroom divides the work: a reporter writes, an editor publishes,
 * a site builder arranges the pages, an administrator runs the accounts. An account made before roles
 * existed is an administrator (it could do everything then).
 */
public enum Role {
    REPORTER("news.role.reporter", "news-reporter", EnumSet.of(Permission.WRITE_DRAFTS)),
    EDITOR(
            "news.role.editor",
            "news-editor",
            EnumSet.of(Permission.WRITE_DRAFTS, Permission.EDIT_ANY, Permission.PUBLISH, Permission.IMAGES)),
    SITE_BUILDER("news.role.siteBuilder", "news-site-builder", EnumSet.of(Permission.PAGES, Permission.IMAGES)),
    ADMINISTRATOR("news.role.administrator", "superuser", EnumSet.allOf(Permission.class));

    /** One kind of action; each action of the admin app needs one. */
    public enum Permission {
        /** Create articles and edit one's own until they are published. */
        WRITE_DRAFTS,
        /** Edit anyone's article, published or not. */
        EDIT_ANY,
        /** Publish, schedule, unpublish, trash, restore, delete for ever, the featured order. */
        PUBLISH,
        /** The image library: details, delete. */
        IMAGES,
        /** Pages and their blocks. */
        PAGES,
        /** Accounts and roles. */
        USERS,
        /** The audit trail. */
        AUDIT
    }

    private final String messageKey;
    private final String magnoliaRole;
    private final Set<Permission> permissions;

    Role(String messageKey, String magnoliaRole, Set<Permission> permissions) {
        this.messageKey = messageKey;
        this.magnoliaRole = magnoliaRole;
        this.permissions = permissions;
    }

    /**
     * The Magnolia role (a node of the {@code userroles} workspace) that stands for this one: the name the
     * app's YAML names in {@code availability: access: roles}, and the one the embedded runtime's users point to.
     */
    public String magnoliaRole() {
        return magnoliaRole;
    }

    /** The role that Magnolia role {@code name} stands for, or null for one that is not the module's. */
    public static Role ofMagnoliaRole(String name) {
        for (Role role : values()) {
            if (role.magnoliaRole.equals(name)) {
                return role;
            }
        }
        return null;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Its name in the editor's language. */
    public String messageKey() {
        return messageKey;
    }
}
