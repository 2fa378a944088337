package io.newsroom.news.definitions;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.NamespaceException;
import javax.jcr.NamespaceRegistry;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.nodetype.NodeTypeManager;
import javax.jcr.nodetype.NodeTypeTemplate;
import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.apache.jackrabbit.commons.cnd.CompactNodeTypeDefReader;
import org.apache.jackrabbit.commons.cnd.ParseException;
import org.apache.jackrabbit.commons.cnd.TemplateBuilderFactory;

/**
 * Registers what a content type with {@code autoCreate: true} needs, as Magnolia does: its
 * namespaces and a node type extending {@code mgnl:content} (Magnolia's own node types must be
 * registered first). Registering twice is harmless.
 */
public final class ContentTypeNodeTypes {

    private ContentTypeNodeTypes() {}

    /** The CND that declares the content type's node type. */
    public static String cnd(ContentTypeDefinition type) {
        StringBuilder cnd = new StringBuilder();
        for (Map.Entry<String, String> ns : type.namespaces().entrySet()) {
            cnd.append('<')
                    .append(ns.getKey())
                    .append(" = '")
                    .append(ns.getValue())
                    .append("'>\n");
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
                throw new RepositoryException("Namespace prefix '" + ns.getKey() + "' is already bound to " + existing
                        + ", but content type '" + type.name() + "' wants " + ns.getValue());
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

    /**
     * Registers node types from CND text and brings existing ones up to date, one type at a time:
     * a type whose stored definition cannot be changed that way (Jackrabbit only takes changes that
     * leave all content valid) keeps its stored definition, and the returned list names it.
     */
    public static List<String> reregisterCnd(Session session, String cnd, String source) throws RepositoryException {
        List<String> kept = new ArrayList<>();
        try {
            // New types first (all at once: they may refer to each other)...
            CndImporter.registerNodeTypes(new StringReader(cnd), session, false);
            // ...then each existing one updated on its own, so one refusal stops nothing else.
            NodeTypeManager types = session.getWorkspace().getNodeTypeManager();
            CompactNodeTypeDefReader<NodeTypeTemplate, NamespaceRegistry> reader =
                    new CompactNodeTypeDefReader<>(new StringReader(cnd), source, new TemplateBuilderFactory(session));
            for (NodeTypeTemplate type : reader.getNodeTypeDefinitions()) {
                try {
                    types.registerNodeType(type, true);
                } catch (RepositoryException e) {
                    kept.add(type.getName());
                }
            }
        } catch (ParseException | IOException e) {
            throw new RepositoryException("Cannot register node types from " + source + ": " + e.getMessage(), e);
        }
        return kept;
    }

    private static String uriOrNull(NamespaceRegistry registry, String prefix) throws RepositoryException {
        try {
            return registry.getURI(prefix);
        } catch (NamespaceException e) {
            return null;
        }
    }
}
