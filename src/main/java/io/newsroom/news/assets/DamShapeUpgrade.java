package io.newsroom.news.assets;

import io.newsroom.news.article.JcrSessions;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns images stored before the DAM shape ({@code nt:file} with {@code jcr:title}, an {@code nt:resource}
 * child) into Magnolia's ({@code mgnl:asset} with {@code name}, an {@code mgnl:resource} child with its
 * file properties), in place: the node keeps its identifier, so every article's item key still names
 * it. Runs at each start; once nothing is left in the old shape it only asks one query.
 */
public final class DamShapeUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(DamShapeUpgrade.class);
    private static final int PER_SAVE = 200;

    private DamShapeUpgrade() {}

    /** Converts every old-shape image; returns how many. */
    public static int apply(JcrSessions sessions) throws RepositoryException {
        int converted = 0;
        for (int batch; (batch = sessions.run(ImageAssets.WORKSPACE, DamShapeUpgrade::convertSome)) > 0; ) {
            converted += batch;
        }
        if (converted > 0) {
            LOG.info("Images in Magnolia's DAM shape now (mgnl:asset): {} converted", converted);
        }
        return converted;
    }

    private static int convertSome(Session session) throws RepositoryException {
        javax.jcr.query.Query query =
                session.getWorkspace().getQueryManager().createQuery("/jcr:root//element(*, nt:file)", "xpath");
        query.setLimit(PER_SAVE);
        List<Node> files = new ArrayList<>();
        for (NodeIterator it = query.execute().getNodes(); it.hasNext(); ) {
            Node file = it.nextNode();
            if (file.getPrimaryNodeType().getName().equals("nt:file") && file.hasNode("jcr:content")) {
                files.add(file);
            }
        }
        for (Node file : files) {
            String name = file.hasProperty("jcr:title")
                    ? file.getProperty("jcr:title").getString()
                    : ImageAssets.safeName(file.getName());
            file.setPrimaryType(ImageAssets.ASSET_TYPE);
            if (file.isNodeType("mix:title")) {
                file.removeMixin("mix:title");
            }
            file.setProperty("name", name);
            Node content = file.getNode("jcr:content");
            content.setPrimaryType(ImageAssets.RESOURCE_TYPE);
            long size = content.getProperty("jcr:data").getLength();
            ImageAssets.describeFile(content, name, size, 0, 0);
            if (content.hasProperty("jcr:lastModified")) {
                file.setProperty(
                        "mgnl:created", content.getProperty("jcr:lastModified").getDate());
            }
        }
        session.save();
        return files.size();
    }
}
