package io.newsroom.news.embedded.backup;

import io.newsroom.news.publishing.ArticleVersion;
import io.newsroom.news.publishing.ArticleVersions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.RepositoryException;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Backup and restore of the articles' versions, beside the {@code news} files: one system-view
 * file per version, {@code mgnlVersion.<article id>.<nnn>.xml}, oldest first, each the frozen copy
 * Jackrabbit keeps. Restoring turns each back into an ordinary node and checks it in again in
 * order, so the history, its users, times and comments come back (with Jackrabbit's new version
 * names).
 */
public final class VersionBackup {
    private static final String SV = "http://www.jcp.org/jcr/sv/1.0";
    private static final Pattern FILE = Pattern.compile(Pattern.quote(ArticleVersions.WORKSPACE)
            + "\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(\\d{3,})\\.xml");
    private final ArticleVersions versions;

    public VersionBackup(ArticleVersions versions) {
        this.versions = versions;
    }

    /** Writes every version of every article into {@code folder}; returns the files written. */
    public List<Path> exportTo(Path folder) throws RepositoryException, IOException {
        PrivateFiles.folder(folder);
        List<Path> written = new ArrayList<>();
        for (String id : versions.articlesWithHistory()) {
            List<ArticleVersion> newestFirst = versions.history(id);
            for (int i = newestFirst.size() - 1, seq = 1; i >= 0; i--, seq++) {
                Path file = folder.resolve(String.format("%s.%s.%03d.xml", ArticleVersions.WORKSPACE, id, seq));
                try (OutputStream out = PrivateFiles.create(file)) {
                    versions.exportVersion(id, newestFirst.get(i).name(), out);
                }
                written.add(file);
            }
        }
        return written;
    }

    /**
     * Reads every version file of {@code source} (a folder; a single file holds no versions) and
     * checks them all before anything changes; returns the restorer to run once the articles are in.
     *
     * @throws IllegalArgumentException when a file is not a version export
     */
    public Restore read(Path source) throws IOException {
        Map<String, TreeMap<Integer, byte[]>> byArticle = new TreeMap<>();
        if (Files.isDirectory(source)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(source, ArticleVersions.WORKSPACE + ".*.xml")) {
                for (Path file : files) {
                    Matcher name = FILE.matcher(file.getFileName().toString());
                    if (!name.matches()) {
                        throw new IllegalArgumentException(
                                file.getFileName() + " is not named mgnlVersion.<article id>.<number>.xml");
                    }
                    byte[] plain = plainCopy(file, name.group(1));
                    byArticle
                            .computeIfAbsent(name.group(1), k -> new TreeMap<>())
                            .put(Integer.parseInt(name.group(2)), plain);
                }
            }
        }
        return new Restore(byArticle);
    }

    /** Versions read and checked, to be checked in again. */
    public final class Restore {
        private final Map<String, TreeMap<Integer, byte[]>> byArticle;

        private Restore(Map<String, TreeMap<Integer, byte[]>> byArticle) {
            this.byArticle = byArticle;
        }

        /** How many versions the backup holds. */
        public int size() {
            return byArticle.values().stream().mapToInt(Map::size).sum();
        }

        /** Replaces the history of each article the backup has versions of. */
        public void apply() throws RepositoryException {
            for (Map.Entry<String, TreeMap<Integer, byte[]>> article : byArticle.entrySet()) {
                versions.forget(article.getKey());
                for (byte[] version : article.getValue().values()) {
                    versions.replay(article.getKey(), new ByteArrayInputStream(version));
                }
            }
        }
    }

    /**
     * The frozen copy as an ordinary node named {@code articleId}: the frozen types and identifier
     * become its own, Jackrabbit's version properties go (the copy is made versionable again).
     */
    private static byte[] plainCopy(Path file, String articleId) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // reported as the refusal below, not printed
                }
            });
            doc = builder.parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not well-formed XML: " + e.getMessage(), e);
        }
        Element top = doc.getDocumentElement();
        if (!SV.equals(top.getNamespaceURI())
                || !"node".equals(top.getLocalName())
                || !"jcr:frozenNode".equals(top.getAttributeNS(SV, "name"))) {
            throw new IllegalArgumentException(file.getFileName() + " is not a system-view export of a version");
        }
        top.setAttributeNS(SV, "sv:name", articleId);
        unfreeze(top, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("Cannot rewrite " + file.getFileName(), e);
        }
    }

    private static void unfreeze(Element node, boolean top) {
        List<Element> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        for (Element child : children) {
            if ("node".equals(child.getLocalName())) {
                unfreeze(child, false);
                continue;
            }
            String name = child.getAttributeNS(SV, "name");
            switch (name) {
                case "jcr:frozenPrimaryType" -> rename(child, "jcr:primaryType");
                case "jcr:frozenMixinTypes" -> {
                    rename(child, "jcr:mixinTypes");
                    dropValue(child, "mix:versionable");
                }
                // Only the copy itself is referenceable and keeps its identifier: the article's.
                case "jcr:frozenUuid" -> {
                    if (top) {
                        rename(child, "jcr:uuid");
                    } else {
                        node.removeChild(child);
                    }
                }
                default -> {
                    if (name.startsWith("jcr:")) {
                        node.removeChild(child);
                    }
                }
            }
        }
    }

    private static void rename(Element property, String name) {
        property.setAttributeNS(SV, "sv:name", name);
    }

    private static void dropValue(Element property, String value) {
        List<Element> values = new ArrayList<>();
        for (Node child = property.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && value.equals(element.getTextContent())) {
                values.add(element);
            }
        }
        values.forEach(property::removeChild);
        if (property.getElementsByTagNameNS(SV, "value").getLength() == 0) {
            property.getParentNode().removeChild(property);
        }
    }
}
