package info.magnolia.cms.beans.config;

/**
 * TEST ONLY - Magnolia host model: {@code ServerConfiguration}, whose {@code isAdmin()} is true on the
 * author instance (Magnolia's {@code /server/admin} setting) and false on a public one.
 */
public class ServerConfiguration {
    private boolean admin;

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}
