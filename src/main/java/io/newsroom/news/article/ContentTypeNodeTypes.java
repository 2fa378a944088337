package io.newsroom.news.article;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import javax.jcr.NamespaceException;
import javax.jcr.NamespaceRegistry;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.apache.jackrabbit.commons.cnd.ParseException;

/**
 * Registers what a content type with {@code autoCreate: true} needs, as Magnolia does: its
 * namespaces and a node type extending {@code mgnl:content} (Magnolia's own node types must be
 * registered first). Registering twice is harmless.
 */
public final class ContentTypeNodeTypes {

    private ContentTypeNodeTypes() {
    }

    /** The CND that declares the content type's node type. */
    public static String cnd(ContentTypeDefinition type) {
        StringBuilder cnd = new StringBuilder();
        for (Map.Entry<String, String> ns : type.namespaces().entrySet()) {
            cnd.append('<').append(ns.getKey()).append(" = '").append(ns.getValue()).append("'>\n");
        }
        cnd.append("<mgnl = 'http://www.magnolia.info/jcr/mgnl'>\n");
        cnd.append('[').append(type.nodeType()).append("] > mgnl:content\n");
        return cnd.toString();
    }

    public static void register(Session session, ContentTypeDefinition type) throws RepositoryException {
        NamespaceRegistry registry = session.getWorkspace().getNamespaceRegistry();
        for (Map.Entry<String, String> ns : type.namespaces().entrySet()) {
            String existing = uriOrNull(registry, ns.getKey());
            if (existing == null) {
                registry.registerNamespace(ns.getKey(), ns.getValue());
            } else if (!existing.equals(ns.getValue())) {
                throw new RepositoryException("Namespace prefix '" + ns.getKey() + "' is already bound to "
                        + existing + ", but content type '" + type.name() + "' wants " + ns.getValue());
            }
        }
        registerCnd(session, cnd(type), "content type " + type.name());
    }

    /** Registers node types from CND text, keeping types that already exist. */
    public static void registerCnd(Session session, String cnd, String source) throws RepositoryException {
        try {
            CndImporter.registerNodeTypes(new StringReader(cnd), session);
        } catch (ParseException | IOException e) {
            throw new RepositoryException("Cannot register node types from " + source + ": " + e.getMessage(), e);
        }
    }

    /** Registers node types from CND text, replacing the definitions of types that already exist. */
    public static void reregisterCnd(Session session, String cnd, String source) throws RepositoryException {
        try {
            CndImporter.registerNodeTypes(new StringReader(cnd), session, true);
        } catch (ParseException | IOException e) {
            throw new RepositoryException("Cannot register node types from " + source + ": " + e.getMessage(), e);
        }
    }

    private static String uriOrNull(NamespaceRegistry registry, String prefix) throws RepositoryException {
        try {
            return registry.getURI(prefix);
        } catch (NamespaceException e) {
            return null;
        }
    }
}
