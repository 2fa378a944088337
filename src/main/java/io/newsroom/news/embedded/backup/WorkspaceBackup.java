package io.newsroom.news.embedded.backup;

import io.newsroom.news.embedded.repository.EmbeddedRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.InvalidSerializedDataException;
import javax.jcr.ItemExistsException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Backup and restore of a workspace as JCR system-view XML, the format Magnolia's import reads.
 * Export writes one file per top-level node, named as Magnolia names bootstrap files
 * ({@code news.2020.xml} holds {@code /2020}). Import reads every such file in one session and
 * saves once: a malformed file, or any other failure, leaves the workspace exactly as it was.
 */
public final class WorkspaceBackup {
    private static final String SV_URI = "http://www.jcp.org/jcr/sv/1.0";
    private final EmbeddedRepository repository;
    private final String workspace;

    public WorkspaceBackup(EmbeddedRepository repository, String workspace) {
        this.repository = repository;
        this.workspace = workspace;
    }

    /** Writes the workspace into {@code folder}; returns the files written. */
    public List<Path> exportTo(Path folder) throws RepositoryException, IOException {
        PrivateFiles.folder(folder);
        List<Path> written = new ArrayList<>();
        Session session = repository.login(workspace);
        try {
            NodeIterator top = session.getRootNode().getNodes();
            while (top.hasNext()) {
                Node node = top.nextNode();
                if (node.getName().startsWith("jcr:")) {
                    continue;
                }
                Path file = folder.resolve(workspace + "." + node.getName() + ".xml");
                try (OutputStream out = PrivateFiles.create(file)) {
                    session.exportSystemView(node.getPath(), out, false, false);
                }
                written.add(file);
            }
        } finally {
            session.logout();
        }
        return written;
    }

    /**
     * Restores from {@code source}: a folder of {@code <workspace>.*.xml} files or one such file.
     * A top-level node that a file brings replaces the one of the same name.
     *
     * @throws IllegalArgumentException when there is nothing to import or a file cannot be read
     *         as system view; nothing is changed then
     */
    /** Whether {@code source} holds any {@code <workspace>.*.xml} file. */
    public boolean hasFilesIn(Path source) throws IOException {
        return !filesIn(source).isEmpty();
    }

    public int importFrom(Path source) throws RepositoryException, IOException {
        List<Path> files = filesIn(source);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No " + workspace + ".*.xml files in " + source.toAbsolutePath());
        }
        Session session = repository.login(workspace);
        try {
            Node root = session.getRootNode();
            for (Path file : files) {
                String topName = file.getFileName()
                        .toString()
                        .substring(workspace.length() + 1)
                        .replaceFirst("\\.xml$", "");
                checkSystemView(file, topName);
                if (root.hasNode(topName)) {
                    root.getNode(topName).remove();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    session.importXML("/", in, ImportUUIDBehavior.IMPORT_UUID_COLLISION_REPLACE_EXISTING);
                } catch (InvalidSerializedDataException | ItemExistsException e) {
                    throw new IllegalArgumentException(
                            file.getFileName() + " is not a usable system-view export: " + e.getMessage(), e);
                } catch (RepositoryException e) {
                    throw new IllegalArgumentException(
                            file.getFileName() + " could not be imported: " + e.getMessage(), e);
                }
            }
            session.save();
            return files.size();
        } finally {
            if (session.hasPendingChanges()) {
                session.refresh(false);
            }
            session.logout();
        }
    }

    /**
     * Reads the whole file before anything is imported: it must be well-formed system view whose
     * top node is the one the file name promises. (Jackrabbit would take any other XML as
     * document view and import it as arbitrary nodes.)
     */
    private static void checkSystemView(Path file, String expectedName) throws IOException {
        String[] top = new String[2];
        try (InputStream in = Files.newInputStream(file)) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (top[0] == null) {
                        top[0] = uri + " " + localName;
                        top[1] = attributes.getValue(SV_URI, "name");
                    }
                }
            });
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not well-formed XML: " + e.getMessage(), e);
        }
        if (!(SV_URI + " node").equals(top[0]) || !expectedName.equals(top[1])) {
            throw new IllegalArgumentException(file.getFileName() + " is not a system-view export of /" + expectedName);
        }
    }

    private List<Path> filesIn(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return isExportFile(source) ? List.of(source) : List.of();
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("Nothing to import at " + source.toAbsolutePath());
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(source)) {
            for (Path file : stream) {
                if (isExportFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private boolean isExportFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(workspace + ".") && name.endsWith(".xml") && name.length() > workspace.length() + 5;
    }
}
