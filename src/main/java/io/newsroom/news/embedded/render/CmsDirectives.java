package io.newsroom.news.embedded.render;

import freemarker.core.Environment;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cms} in templates: {@code [@cms.area name="main"/]} renders the components stored under
 * the page's area node with their own templates, {@code [@cms.component content=c/]} renders one,
 * {@code [@cms.page/]} is Magnolia's page-editor hook and writes nothing here. A component that
 * fails is logged and left out; the rest of the page still renders.
 */
final class CmsDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(CmsDirectives.class);

    interface ComponentRenderer {
        void render(Node component, Writer out) throws Exception;
    }

    private CmsDirectives() {}

    static SimpleHash create(Node page, ComponentRenderer renderer, ObjectWrapper wrapper) {
        SimpleHash cms = new SimpleHash(wrapper);
        cms.put("page", (TemplateDirectiveModel) (env, params, loopVars, body) -> {});
        cms.put("area", (TemplateDirectiveModel) (env, params, loopVars, body) -> area(page, params, env, renderer));
        cms.put("component", (TemplateDirectiveModel)
                (env, params, loopVars, body) -> component(params, env, renderer));
        return cms;
    }

    private static void area(Node page, Map<?, ?> params, Environment env, ComponentRenderer renderer)
            throws TemplateException, IOException {
        Object name = params.get("name");
        if (name == null) {
            throw new TemplateModelException("[@cms.area] needs a name");
        }
        try {
            String areaName = String.valueOf(DeepUnwrap.unwrap((TemplateModel) name));
            if (!page.hasNode(areaName)) {
                return;
            }
            Node area = page.getNode(areaName);
            env.getOut()
                    .write("<div class=\"news-area news-area--" + areaName.replaceAll("[^A-Za-z0-9_-]", "") + "\">");
            for (NodeIterator it = area.getNodes(); it.hasNext(); ) {
                renderIsolated(it.nextNode(), env.getOut(), renderer);
            }
            env.getOut().write("</div>");
        } catch (RepositoryException e) {
            throw new TemplateModelException("Cannot read area " + name, e);
        }
    }

    private static void component(Map<?, ?> params, Environment env, ComponentRenderer renderer)
            throws TemplateException, IOException {
        Object content = DeepUnwrap.unwrap((TemplateModel) params.get("content"));
        if (!(content instanceof NodeContent node)) {
            throw new TemplateModelException("[@cms.component] needs content=<a component node>");
        }
        renderIsolated(node.node(), env.getOut(), renderer);
    }

    private static void renderIsolated(Node component, Writer out, ComponentRenderer renderer) throws IOException {
        StringWriter buffer = new StringWriter();
        try {
            renderer.render(component, buffer);
            out.write(buffer.toString());
        } catch (Exception e) {
            LOG.warn("Component {} failed to render and is left out: {}", path(component), e.toString());
        }
    }

    private static String path(Node node) {
        try {
            return node.getPath();
        } catch (RepositoryException e) {
            return "?";
        }
    }
}
