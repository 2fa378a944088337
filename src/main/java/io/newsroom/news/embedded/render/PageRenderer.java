package io.newsroom.news.embedded.render;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.definitions.TemplateDefinition;
import io.newsroom.news.definitions.TemplateDefinitions;
import io.newsroom.news.embedded.renditions.ImageRenditions;
import io.newsroom.news.pages.WebsitePages;
import io.newsroom.news.templating.NewsFunctions;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * Renders pages and components the way Magnolia does, from the light module's definitions: a
 * node names its template id ({@code mgnl:template}), the definition names the FTL script, and
 * the script gets {@code content}, {@code def}, {@code ctx}, {@code state}, {@code i18n},
 * {@code cms}, {@code damfn} and {@code newsfn}.
 */
public final class PageRenderer {

    /** Per request: who asks, in which language. */
    public record Request(RenderContext ctx, RenderState state, NewsFunctions newsfn) {
        public Request(RenderContext ctx, RenderState state) {
            this(ctx, state, null);
        }
    }

    private final TemplateDefinitions definitions;
    private final Messages messages;
    private final NewsFunctions newsfn;
    private final ImageAssets images;
    private final ImageRenditions renditions;
    private final Configuration freemarker;
    private final DefaultObjectWrapper wrapper;

    public PageRenderer(
            LightModule module,
            TemplateDefinitions definitions,
            Messages messages,
            NewsFunctions newsfn,
            ImageAssets images) {
        this(module, definitions, messages, newsfn, images, null);
    }

    /** With the theme's image renditions ({@code damfn.getAssetLink(itemKey, name)}); null links the originals. */
    public PageRenderer(
            LightModule module,
            TemplateDefinitions definitions,
            Messages messages,
            NewsFunctions newsfn,
            ImageAssets images,
            ImageRenditions renditions) {
        this.renditions = renditions;
        this.definitions = definitions;
        this.messages = messages;
        this.newsfn = newsfn;
        this.images = images;
        this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new LightModuleTemplateLoader(module));
        freemarker.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        this.wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();
        freemarker.setObjectWrapper(wrapper);
    }

    /** Renders the node with its own template; a node without a known template is an error. */
    public void render(Node node, Request request, Writer out)
            throws IOException, TemplateException, RepositoryException {
        String templateId = node.hasProperty(WebsitePages.TEMPLATE_PROPERTY)
                ? node.getProperty(WebsitePages.TEMPLATE_PROPERTY).getString()
                : null;
        TemplateDefinition definition = definitions
                .byId(templateId)
                .orElseThrow(
                        () -> new IllegalStateException("Unknown template '" + templateId + "' on " + pathOf(node)));
        Template template = freemarker.getTemplate(definition.templateScript());
        SimpleHash model = new SimpleHash(wrapper);
        model.put("content", new NodeContent(node, request.state().locale()));
        model.put("def", definitionMap(definition));
        model.put("ctx", request.ctx());
        model.put("state", request.state());
        model.put("i18n", new I18nModel(messages, request.state().locale()));
        // Articles, lists and blocks show the versions of the page's language.
        model.put(
                "newsfn",
                (request.newsfn() != null ? request.newsfn() : newsfn)
                        .in(request.state().locale()));
        model.put("damfn", new DamFunctions(images, renditions, request.ctx().getContextPath()));
        model.put(
                "cms", CmsDirectives.create(node, (component, writer) -> render(component, request, writer), wrapper));
        Environment environment = template.createProcessingEnvironment(model, out);
        environment.setLocale(request.state().locale());
        environment.process();
    }

    private static Map<String, Object> definitionMap(TemplateDefinition definition) {
        Map<String, Object> def = new LinkedHashMap<>(definition.raw());
        def.put("id", definition.id());
        def.put("parameters", definition.parameters());
        return def;
    }

    private static String pathOf(Node node) {
        try {
            return node.getPath();
        } catch (RepositoryException e) {
            return "?";
        }
    }
}
