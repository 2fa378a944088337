package io.newsroom.news.magnolia;

import static io.newsroom.news.magnolia.DescriptorXml.elements;
import static io.newsroom.news.magnolia.DescriptorXml.text;

import info.magnolia.cms.filters.Mapping;
import info.magnolia.cms.i18n.DefaultI18nContentSupport;
import info.magnolia.cms.i18n.I18nContentSupport;
import info.magnolia.context.MgnlContext;
import info.magnolia.context.WebContext;
import info.magnolia.init.MagnoliaConfigurationProperties;
import info.magnolia.module.ModuleLifecycle;
import info.magnolia.module.ModuleLifecycleContext;
import info.magnolia.module.ModuleLifecycleContextImpl;
import info.magnolia.objectfactory.Components;
import io.newsroom.news.assets.ImageAssets;
import io.newsroom.news.definitions.ContentTypeDefinition;
import io.newsroom.news.definitions.ContentTypeReader;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.Messages;
import io.newsroom.news.definitions.TemplateDefinitions;
import io.newsroom.news.definitions.VirtualUriMappings;
import io.newsroom.news.embedded.cluster.ClusterSettings;
import io.newsroom.news.embedded.render.PageRenderer;
import io.newsroom.news.embedded.render.RenderContext;
import io.newsroom.news.embedded.render.RenderState;
import io.newsroom.news.embedded.repository.EmbeddedRepository;
import io.newsroom.news.templating.NewsFunctions;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.Node;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jackrabbit.core.nodetype.NodeTypeManagerImpl;
import org.apache.jackrabbit.core.nodetype.xml.NodeTypeReader;
import org.apache.jackrabbit.spi.QNodeTypeDefinition;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * TEST ONLY - the Magnolia host model: runs the module jar's Magnolia side the way Magnolia runs a
 * module (magnolia-facts.md, "How Magnolia runs a module"), on a real Jackrabbit and a real Jetty,
 * with the model classes in Magnolia's packages ({@code info.magnolia.*} under src/test).
 * <ol>
 * <li>Repository load ({@code ModuleManagerImpl.loadModulesRepositories}): Magnolia's core node types
 *     exist; the descriptor's workspaces are created and its {@code nodeTypeFile} registered
 *     <em>before any module starts</em>, without registering the namespaces the file declares
 *     ({@code ProviderImpl.registerNodeTypes}: a failure is only logged).</li>
 * <li>Install, first start only ({@code DefaultModuleVersionHandler}): every
 *     {@code mgnl-bootstrap/news/*.xml} imported (system view; file name = workspace and path), the
 *     descriptor's servlets registered in {@code config:/server/filters/servlets}.</li>
 * <li>Start in Magnolia's order: the content types module's {@code autoCreate} makes the {@code news}
 *     namespace, node type and workspace from {@code contentTypes/article.yaml}; the descriptor's
 *     components are bound ({@code Components}); then the filter chain is initialised.</li>
 * <li>Requests, on Jetty's threads: each gets a {@link WebContext} (anonymous, read-only sessions),
 *     goes to the registered servlet whose mapping matches ({@code ServletDispatchingFilter}:
 *     servletPath/pathInfo from the mapping) or else is rendered (i18n prefix stripped first, then the
 *     light module's virtual URI mappings, then the page's template with {@code newsfn} taken from the
 *     renderer's {@code contextAttributes} through {@code Components}); the context is released after.</li>
 * <li>{@link #resetFilterChain()} ({@code FilterManagerImpl.resetRootFilter}): a new chain is initialised
 *     and serves, then the old one is destroyed on another thread.</li>
 * <li>Modules start ({@code ModuleManagerImpl.startModules}): the descriptor's {@code <class>}, on the
 *     startup thread in the system context; then the filter chain is initialised inside
 *     {@code doInSystemContext(..., true)}, a failing servlet {@code init()} only logged.</li>
 * <li>{@link #close()}: Magnolia's shutdown ({@code MagnoliaServletContextListener.contextDestroyed}) -
 *     the chain destroyed, the modules stopped, then the repository closed. JVM shutdown hooks run
 *     only after that, so the model has none.</li>
 * </ol>
 */
public final class MagnoliaHost implements AutoCloseable {
    static final String DESCRIPTOR = "/META-INF/magnolia/news.xml";
    static final String BOOTSTRAP_FOLDER = "mgnl-bootstrap/news";
    private static final Logger LOG = LoggerFactory.getLogger(MagnoliaHost.class);

    private final EmbeddedRepository repository;
    private final Document descriptor;
    private final DefaultI18nContentSupport i18n = new DefaultI18nContentSupport();
    private final LightModule lightModule = LightModule.classpath();
    private final List<String> nodeTypeFailures = new ArrayList<>();
    private final List<String> initFailures = new ArrayList<>();
    /** The instance's magnolia.properties (the model sets magnolia.home to the repository's folder). */
    private final Map<String, String> properties;

    private final Path home;
    private Object moduleInstance;
    /** The clustered repository repositories.xml maps news-stats to (shared by the author and the publics), or null. */
    private EmbeddedRepository statsCluster;

    private Server jetty;
    private volatile List<RegisteredServlet> chain = List.of();
    private PageRenderer renderer;
    private VirtualUriMappings mappings;

    private record RegisteredServlet(String name, List<String> mappings, HttpServlet servlet) {}

    private MagnoliaHost(
            EmbeddedRepository repository, Path home, String descriptorResource, Map<String, String> properties)
            throws Exception {
        this.repository = repository;
        this.home = home;
        this.properties = Map.copyOf(properties);
        // Magnolia's module reader validates the descriptor against module.dtd: an invalid one does not load.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        var builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> systemId != null && systemId.endsWith("module.dtd")
                ? new InputSource(MagnoliaHost.class.getResourceAsStream("/module.dtd"))
                : null);
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        try (InputStream in = MagnoliaHost.class.getResourceAsStream(descriptorResource)) {
            this.descriptor = builder.parse(in);
        }
    }

    /**
     * Starts "Magnolia" on a repository kept in {@code home} (a second start on the same folder is a
     * restart), with the site's i18n settings ({@code null}: Magnolia's defaults, i18n off).
     */
    public static MagnoliaHost start(Path home, Map<?, ?> siteI18n) throws Exception {
        return start(home, DESCRIPTOR, siteI18n, Map.of());
    }

    /** A start with these {@code magnolia.properties} (this instance's own). */
    public static MagnoliaHost start(Path home, Map<?, ?> siteI18n, Map<String, String> properties) throws Exception {
        return start(home, DESCRIPTOR, siteI18n, properties);
    }

    /**
     * An instance of a real deployment: {@code author} or public, its own repository in {@code home}, and
     * {@code news-stats} mapped in its {@code repositories.xml} to the clustered repository on PostgreSQL
     * the README's install guide configures ({@code <Map name="news-stats" repositoryName="news-cluster"/>}),
     * as node {@code clusterNodeId} of it (kept in {@code <home>-news-cluster}).
     */
    public static MagnoliaHost start(
            Path home,
            boolean author,
            Map<?, ?> siteI18n,
            Map<String, String> properties,
            String clusterUrl,
            String clusterUser,
            String clusterNodeId)
            throws Exception {
        MagnoliaHost.author = author;
        EmbeddedRepository stats = EmbeddedRepository.cluster(
                home.resolveSibling(home.getFileName() + "-news-cluster"),
                new ClusterSettings(clusterUrl, clusterUser, "", clusterNodeId));
        MagnoliaHost host;
        try {
            stats.ensureWorkspace("news-stats", "stats-workspace");
            host = new MagnoliaHost(EmbeddedRepository.persistent(home), home, DESCRIPTOR, properties);
        } catch (Exception | Error e) {
            stats.close();
            throw e;
        }
        host.statsCluster = stats;
        try {
            host.boot(siteI18n);
            return host;
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    /** Whether the next start is an author instance ({@code ServerConfiguration.isAdmin()}); public otherwise. */
    static volatile boolean author;

    /** A start with another module descriptor (an earlier version's, from the test resources). */
    public static MagnoliaHost start(Path home, String descriptorResource, Map<?, ?> siteI18n) throws Exception {
        return start(home, descriptorResource, siteI18n, Map.of());
    }

    private static MagnoliaHost start(Path home, String descriptor, Map<?, ?> siteI18n, Map<String, String> properties)
            throws Exception {
        MagnoliaHost host = new MagnoliaHost(EmbeddedRepository.persistent(home), home, descriptor, properties);
        try {
            host.boot(siteI18n);
            return host;
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    private void boot(Map<?, ?> siteI18n) throws Exception {
        MgnlContext.hostRepository(repository.jcrRepository());
        if (statsCluster != null) {
            MgnlContext.mapWorkspace("news-stats", statsCluster.jcrRepository());
        }
        Components.reset();
        loadModulesRepositories();
        if (!installed()) {
            install();
        }
        startContentTypes();
        if (siteI18n != null) {
            i18n.configure(siteI18n);
        }
        Components.bindInstance(I18nContentSupport.class, i18n);
        info.magnolia.cms.beans.config.ServerConfiguration server =
                new info.magnolia.cms.beans.config.ServerConfiguration();
        server.setAdmin(author);
        Components.bindInstance(info.magnolia.cms.beans.config.ServerConfiguration.class, server);
        Map<String, String> magnoliaProperties = new LinkedHashMap<>(properties);
        magnoliaProperties.putIfAbsent("magnolia.home", home.toString());
        Components.bindInstance(MagnoliaConfigurationProperties.class, magnoliaProperties::get);
        for (Element component : elements(descriptor.getDocumentElement(), "component")) {
            Components.bind(Class.forName(text(component, "type")), Class.forName(text(component, "implementation")));
        }
        mappings = VirtualUriMappings.load(lightModule);
        startModules();
        chain = initChain();
        startJetty();
    }

    /**
     * {@code ModuleManagerImpl.startModules}: the descriptor's module class made with its public
     * no-argument constructor and started ({@code PHASE_SYSTEM_STARTUP}) on the startup thread, which
     * is in the system context and uses system sessions of its own (the model checks they survive).
     * A failing start is only logged, as Magnolia does.
     */
    private void startModules() throws Exception {
        String className = text(descriptor.getDocumentElement(), "class");
        if (className == null) {
            return;
        }
        MgnlContext.doInSystemContext(
                () -> {
                    Session startupSession = MgnlContext.getJCRSession("config");
                    try {
                        moduleInstance =
                                Class.forName(className).getConstructor().newInstance();
                        if (moduleInstance instanceof ModuleLifecycle lifecycle) {
                            lifecycle.start(
                                    new ModuleLifecycleContextImpl(ModuleLifecycleContext.PHASE_SYSTEM_STARTUP));
                        }
                    } catch (Exception | Error e) {
                        LOG.error("Can't start module news", e);
                    }
                    startupSession
                            .getRootNode(); // throws when the module's start released the startup thread's sessions
                    return null;
                },
                true);
    }

    /** {@code ModuleManagerImpl.stopModules}: the module class stopped ({@code PHASE_SYSTEM_SHUTDOWN}), before the repository closes. */
    private void stopModules() {
        if (moduleInstance instanceof ModuleLifecycle lifecycle) {
            try {
                MgnlContext.doInSystemContext(
                        () -> {
                            lifecycle.stop(
                                    new ModuleLifecycleContextImpl(ModuleLifecycleContext.PHASE_SYSTEM_SHUTDOWN));
                            return null;
                        },
                        true);
            } catch (RuntimeException e) {
                LOG.error("Stopping module news failed", e);
            }
        }
        moduleInstance = null;
    }

    public EmbeddedRepository repository() {
        return repository;
    }

    /** What the node type file registration logged as failed (Magnolia only logs it). */
    public List<String> nodeTypeFailures() {
        return List.copyOf(nodeTypeFailures);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + path);
    }

    /** A system session of the model's repository, outside any Magnolia context (for tests to look and set up). */
    public Session adminSession(String workspace) throws RepositoryException {
        return statsCluster != null && workspace.equals("news-stats")
                ? statsCluster.login(workspace)
                : repository.login(workspace);
    }

    /**
     * Magnolia's filter chain reset: the new chain's servlets are created and initialised and serve
     * from now on; the old ones are destroyed afterwards by another thread.
     */
    public void resetFilterChain() throws Exception {
        List<RegisteredServlet> old = chain;
        chain = initChain();
        Thread disposer = new Thread(() -> old.forEach(s -> s.servlet().destroy()), "filter-chain-disposer");
        disposer.start();
        disposer.join();
    }

    @Override
    public void close() {
        try {
            if (jetty != null) {
                jetty.stop();
            }
        } catch (Exception e) {
            LOG.warn("Stopping Jetty: {}", e.toString());
        }
        chain.forEach(s -> s.servlet().destroy());
        chain = List.of();
        // MagnoliaServletContextListener.contextDestroyed: the modules stop, then the repository closes.
        stopModules();
        Components.reset();
        repository.close();
        if (statsCluster != null) {
            statsCluster.close();
        }
        MgnlContext.hostRepository(null);
    }

    // --- repository load, install, start ---

    private void loadModulesRepositories() throws Exception {
        for (String workspace : List.of("config", "website", "dam")) {
            repository.ensureWorkspace(workspace);
        }
        for (Element declared : elements(descriptor.getDocumentElement(), "repository")) {
            for (Element workspace : elements(declared, "workspace")) {
                String name = workspace.getTextContent().strip();
                // A workspace repositories.xml maps elsewhere lives there (made with that repository).
                if (statsCluster == null || !name.equals("news-stats")) {
                    repository.ensureWorkspace(name);
                }
            }
            String nodeTypeFile = text(declared, "nodeTypeFile");
            if (nodeTypeFile != null) {
                registerNodeTypeFile(nodeTypeFile);
            }
        }
    }

    /** As {@code ProviderImpl.registerNodeTypes}: the file's types, not its namespaces; failures logged. */
    private void registerNodeTypeFile(String resource) throws Exception {
        QNodeTypeDefinition[] types;
        try (InputStream in = MagnoliaHost.class.getResourceAsStream(resource)) {
            if (in == null) {
                nodeTypeFailures.add(resource + ": missing");
                return;
            }
            types = NodeTypeReader.read(in);
        }
        Session session = repository.login("default");
        try {
            NodeTypeManagerImpl manager =
                    (NodeTypeManagerImpl) session.getWorkspace().getNodeTypeManager();
            for (QNodeTypeDefinition type : types) {
                try {
                    session.getWorkspace()
                            .getNamespaceRegistry()
                            .getPrefix(type.getName().getNamespaceURI());
                    if (!manager.getNodeTypeRegistry().isRegistered(type.getName())) {
                        manager.getNodeTypeRegistry().registerNodeType(type);
                    }
                } catch (RepositoryException e) {
                    nodeTypeFailures.add(type.getName() + ": " + e.getMessage());
                    LOG.error("Cannot register node type {}: {}", type.getName(), e.toString());
                }
            }
        } finally {
            session.logout();
        }
    }

    private boolean installed() throws RepositoryException {
        Session config = repository.login("config");
        try {
            return config.nodeExists("/modules/news");
        } finally {
            config.logout();
        }
    }

    private void install() throws Exception {
        for (Path file : bootstrapFiles()) {
            importBootstrap(file);
        }
        Session config = repository.login("config");
        try {
            Node servlets = ensurePath(config, "/server/filters/servlets");
            for (Element servlet : elements(descriptor.getDocumentElement(), "servlet")) {
                Node registered = servlets.addNode(text(servlet, "name"), "mgnl:contentNode");
                registered.setProperty("servletClass", text(servlet, "class"));
                List<String> paths = elements(servlet, "mapping").stream()
                        .map(e -> e.getTextContent().strip())
                        .toList();
                registered.setProperty("mappings", paths.toArray(String[]::new));
            }
            ensurePath(config, "/modules/news")
                    .setProperty("version", text(descriptor.getDocumentElement(), "version"));
            config.save();
        } finally {
            config.logout();
        }
    }

    private static List<Path> bootstrapFiles() throws Exception {
        Path folder =
                Path.of(MagnoliaHost.class.getResource("/" + BOOTSTRAP_FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** {@code config.modules.a.b.name.xml}: workspace {@code config}, node {@code /modules/a/b/name}. */
    private void importBootstrap(Path file) throws Exception {
        String[] parts =
                file.getFileName().toString().replaceFirst("\\.xml$", "").split("\\.");
        String parent = "/" + String.join("/", Arrays.copyOfRange(parts, 1, parts.length - 1));
        Session session = repository.login(parts[0]);
        try {
            ensurePath(session, parent);
            session.save();
            try (InputStream in = Files.newInputStream(file)) {
                session.importXML(parent, in, ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW);
            }
            session.save();
        } finally {
            session.logout();
        }
    }

    /** The content types module's autoCreate, after the repositories are loaded. */
    private void startContentTypes() throws Exception {
        ContentTypeDefinition article;
        try (InputStream yaml = lightModule.open("contentTypes/article.yaml")) {
            article = ContentTypeReader.read("article", yaml);
        }
        if (article.autoCreate()) {
            repository.register(article);
        }
    }

    /** A renderer context attribute as the FreeMarker renderer resolves it: its componentClass through Components. */
    private <T> T rendererAttribute(String name, Class<T> expected) throws Exception {
        Session config = repository.login("config");
        try {
            Node attribute = config.getNode("/modules/rendering/renderers/freemarker/contextAttributes/" + name);
            Class<?> componentClass =
                    Class.forName(attribute.getProperty("componentClass").getString());
            return expected.cast(Components.getComponent(componentClass));
        } finally {
            config.logout();
        }
    }

    /**
     * {@code FilterManagerImpl}: the chain is initialised inside {@code doInSystemContext(..., true)},
     * reading its configuration through the thread's system session between servlets, so a servlet whose
     * {@code init()} released the thread's sessions breaks the chain's init. A servlet whose {@code init()}
     * throws is only logged ({@code ServletDispatchingFilter}) and left out: Magnolia runs on without it.
     */
    private List<RegisteredServlet> initChain() throws Exception {
        return MgnlContext.doInSystemContext(
                () -> {
                    List<RegisteredServlet> servlets = new ArrayList<>();
                    Session config = MgnlContext.getJCRSession("config");
                    for (var it = config.getNode("/server/filters/servlets").getNodes(); it.hasNext(); ) {
                        Node registered = it.nextNode();
                        List<String> paths = new ArrayList<>();
                        for (var value : registered.getProperty("mappings").getValues()) {
                            paths.add(value.getString());
                        }
                        String servletClass =
                                registered.getProperty("servletClass").getString();
                        try {
                            HttpServlet servlet = (HttpServlet)
                                    Class.forName(servletClass).getConstructor().newInstance();
                            servlet.init(config(registered.getName()));
                            servlets.add(new RegisteredServlet(registered.getName(), paths, servlet));
                        } catch (Exception e) {
                            initFailures.add(registered.getName() + ": " + e);
                            LOG.error(
                                    "Servlet {} could not be initialised; Magnolia runs on without it",
                                    servletClass,
                                    e);
                        }
                    }
                    return List.copyOf(servlets);
                },
                true);
    }

    /** The servlets whose {@code init()} failed (Magnolia only logs them). */
    public List<String> servletInitFailures() {
        return List.copyOf(initFailures);
    }

    private static ServletConfig config(String name) {
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return name;
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String parameter) {
                return null;
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.emptyEnumeration();
            }
        };
    }

    // --- requests ---

    private void startJetty() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("magnolia", new FilterChainServlet()), "/");
        jetty.setHandler(context);
        jetty.start();
    }

    /** Magnolia's main filter: a context per request, servlets by mapping, rendering otherwise. */
    private final class FilterChainServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            MgnlContext.setInstance(new WebContext(request));
            try {
                String uri = request.getRequestURI()
                        .substring(request.getContextPath().length());
                for (RegisteredServlet registered : chain) {
                    Optional<HttpServletRequest> matched = match(request, uri, registered.mappings());
                    if (matched.isPresent()) {
                        registered.servlet().service(matched.get(), response);
                        return;
                    }
                }
                render(request, response, uri);
            } catch (Exception e) {
                LOG.error("Request {} failed in the host model", request.getRequestURI(), e);
                if (!response.isCommitted()) {
                    response.sendError(500, e.toString());
                }
            } finally {
                MgnlContext.release();
                MgnlContext.setInstance(null);
            }
        }
    }

    /** A servlet's mappings as Magnolia compiles them ({@link Mapping}), the request wrapped as {@code ServletDispatchingFilter} does. */
    private static Optional<HttpServletRequest> match(HttpServletRequest request, String uri, List<String> mappings) {
        Mapping compiled = new Mapping();
        mappings.forEach(compiled::addMapping);
        Mapping.Match match = compiled.match(uri);
        if (match == null) {
            return Optional.empty();
        }
        String decodedInfo =
                match.pathInfo() == null ? null : URLDecoder.decode(match.pathInfo(), StandardCharsets.UTF_8);
        return Optional.of(new HttpServletRequestWrapper(request) {
            @Override
            public String getServletPath() {
                return match.servletPath();
            }

            @Override
            public String getPathInfo() {
                return decodedInfo;
            }
        });
    }

    /** The i18n filter, the virtual URI mappings, then the page's template (read as the anonymous user). */
    private void render(HttpServletRequest request, HttpServletResponse response, String uri) throws Exception {
        Locale locale = i18n.isEnabled() ? i18n.getDefaultLocale() : i18n.getFallbackLocale();
        String path = uri;
        if (i18n.isEnabled()) {
            for (Locale candidate : i18n.getLocales()) {
                String prefix = "/" + candidate;
                if (!candidate.equals(i18n.getDefaultLocale())
                        && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
                    locale = candidate;
                    path = path.length() == prefix.length() ? "/" : path.substring(prefix.length());
                }
            }
        }
        i18n.setLocale(locale);
        Map<String, String> forwarded = new LinkedHashMap<>();
        Optional<String> target = mappings.map(path);
        if (target.isPresent()) {
            path = target.get();
            int q = path.indexOf('?');
            if (q >= 0) {
                for (String pair : path.substring(q + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    forwarded.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
                path = path.substring(0, q);
            }
        }
        String pagePath = path.equals("/") ? "/home" : path.replaceFirst("\\.html$", "");
        Node page;
        try {
            page = MgnlContext.getJCRSession("website").getNode(pagePath);
        } catch (PathNotFoundException | RuntimeException e) {
            response.sendError(404);
            return;
        }
        StringWriter html = new StringWriter();
        renderer()
                .render(
                        page,
                        new PageRenderer.Request(
                                new RenderContext(request, forwarded, locale),
                                new RenderState(locale, request.getRequestURI(), pagePath + ".html")),
                        html);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html.toString());
    }

    /** The FreeMarker renderer, its {@code newsfn} resolved when first needed (Magnolia resolves context attributes at render time). */
    private synchronized PageRenderer renderer() throws Exception {
        if (renderer == null) {
            renderer = new PageRenderer(
                    lightModule,
                    new TemplateDefinitions(lightModule),
                    Messages.load(lightModule),
                    rendererAttribute("newsfn", NewsFunctions.class),
                    new ImageAssets(MagnoliaContext.find()));
        }
        return renderer;
    }

    // --- publishing between instances (each in its own class loader: only JDK and JCR types cross) ---

    /**
     * The author's half of publishing ({@code publishing-core}'s sender, as far as the module meets it):
     * the node's system view with everything below it, binaries included, and its parent's path. The
     * node travels as it is stored, every property with it ({@code mgnl:activationStatus} too, as the
     * author had it at that moment); the model's caller sets the author's status afterwards.
     */
    public String[] exportForPublishing(String id) throws Exception {
        Session news = repository.login("news");
        try {
            Node node = news.getNodeByIdentifier(id);
            java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
            news.exportSystemView(node.getPath(), xml, false, false);
            return new String[] {node.getParent().getPath(), xml.toString(StandardCharsets.UTF_8)};
        } finally {
            news.logout();
        }
    }

    /** Magnolia's {@code NodeTypes.Activatable.update} on the author after a publish or an unpublish. */
    public void markActivated(String id, String user, boolean activated) throws Exception {
        Session news = repository.login("news");
        try {
            Node node = news.getNodeByIdentifier(id);
            node.setProperty("mgnl:activationStatus", activated);
            node.setProperty("mgnl:lastActivated", java.util.Calendar.getInstance());
            node.setProperty("mgnl:lastActivatedBy", user);
            news.save();
        } finally {
            news.logout();
        }
    }

    /**
     * The public's half (the receiver): the node imported under its parent with its identifier, replacing
     * an earlier copy ({@code IMPORT_UUID_COLLISION_REMOVE_EXISTING}); missing parent folders are made
     * first, as publishing a node publishes its missing parents.
     */
    public void receivePublished(String parentPath, String xml) throws Exception {
        Session news = repository.login("news");
        try {
            Node parent = news.getRootNode();
            for (String name : parentPath.substring(1).split("/")) {
                if (!name.isEmpty()) {
                    parent = parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, "mgnl:folder");
                }
            }
            news.save();
            news.importXML(
                    parentPath,
                    new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                    ImportUUIDBehavior.IMPORT_UUID_COLLISION_REMOVE_EXISTING);
            news.save();
        } finally {
            news.logout();
        }
    }

    /** Unpublishing on the public: the node is removed there. */
    public void removePublished(String id) throws Exception {
        Session news = repository.login("news");
        try {
            try {
                news.getNodeByIdentifier(id).remove();
                news.save();
            } catch (javax.jcr.ItemNotFoundException alreadyGone) {
                // nothing to remove
            }
        } finally {
            news.logout();
        }
    }

    /** What the News app's Views column shows for the article (the module's value provider on this instance). */
    public Long viewsColumn(String id) throws Exception {
        Session news = repository.login("news");
        try {
            return new ViewCountColumn().apply(news.getNodeByIdentifier(id));
        } finally {
            news.logout();
        }
    }

    /** The ids of the articles {@code newsfn.mostRead(days, max)} lists on this instance (the most-read block). */
    public List<String> mostRead(int days, int max) throws Exception {
        return MagnoliaNews.get().functions().mostRead(days, max).stream()
                .map(e -> e.getArticle().getId())
                .toList();
    }

    /** The site's pages (home, news, article page), as a site builder made and published them. */
    public void createDemoPages() throws Exception {
        io.newsroom.news.embedded.server.DemoContentAccess.createPages(repository);
    }

    /**
     * An article an editor made in Magnolia's News app on this (author) instance: a node of the content
     * type with the app's fields and stamps, {@code activationStatus} as given ({@code null}: none, as a
     * node nobody published has), posted a minute ago; its id.
     */
    public String createInContentApp(String name, String title, Boolean activationStatus) throws Exception {
        Session news = repository.login("news");
        try {
            java.util.Calendar posted = java.util.Calendar.getInstance();
            posted.add(java.util.Calendar.MINUTE, -1);
            Node folder = news.getRootNode();
            for (String part : List.of(
                    String.valueOf(posted.get(java.util.Calendar.YEAR)),
                    String.format("%02d", posted.get(java.util.Calendar.MONTH) + 1))) {
                folder = folder.hasNode(part) ? folder.getNode(part) : folder.addNode(part, "mgnl:folder");
            }
            Node article = folder.addNode(name, "news:article");
            article.setProperty("title", title);
            article.setProperty("lead", "Tóm tắt của " + title);
            article.setProperty("body", "<p>Nội dung của " + title + ".</p>");
            article.setProperty("postedDate", posted);
            article.setProperty("category", "Thông báo");
            article.setProperty("mgnl:created", java.util.Calendar.getInstance());
            article.setProperty("mgnl:createdBy", "editor-account");
            article.setProperty("mgnl:lastModified", java.util.Calendar.getInstance());
            article.setProperty("mgnl:lastModifiedBy", "editor-account");
            if (activationStatus != null) {
                article.setProperty("mgnl:activationStatus", activationStatus);
            }
            news.save();
            return article.getIdentifier();
        } finally {
            news.logout();
        }
    }

    /** Saves this instance's counted views now (the counter does it every second anyway). */
    public void flushViews() {
        MagnoliaNews.get().counter().flush();
    }

    // --- helpers ---

    private static Node ensurePath(Session session, String path) throws RepositoryException {
        Node node = session.getRootNode();
        for (String name : path.substring(1).split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            node = node.hasNode(name) ? node.getNode(name) : node.addNode(name, "mgnl:content");
        }
        return node;
    }
}
