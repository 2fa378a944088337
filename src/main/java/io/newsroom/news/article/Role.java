package io.newsroom.news.article;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an admin account may do, as a newsroom divides the work: a reporter writes, an editor publishes,
 * a site builder arranges the pages, an administrator runs the accounts. An account made before roles
 * existed is an administrator (it could do everything then).
 */
public enum Role {
    REPORTER("news.role.reporter", EnumSet.of(Permission.WRITE_DRAFTS)),
    EDITOR(
            "news.role.editor",
            EnumSet.of(Permission.WRITE_DRAFTS, Permission.EDIT_ANY, Permission.PUBLISH, Permission.IMAGES)),
    SITE_BUILDER("news.role.siteBuilder", EnumSet.of(Permission.PAGES, Permission.IMAGES)),
    ADMINISTRATOR("news.role.administrator", EnumSet.allOf(Permission.class));

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
    private final Set<Permission> permissions;

    Role(String messageKey, Set<Permission> permissions) {
        this.messageKey = messageKey;
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Its name in the editor's language. */
    public String messageKey() {
        return messageKey;
    }
}
