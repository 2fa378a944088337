package io.newsroom.news.magnolia;

import static io.newsroom.news.magnolia.DescriptorXml.elements;
import static io.newsroom.news.magnolia.DescriptorXml.text;
import static org.junit.jupiter.api.Assertions.*;

import io.newsroom.news.article.ArticleField;
import io.newsroom.news.article.Role;
import io.newsroom.news.definitions.LightModule;
import io.newsroom.news.definitions.PropertyType;
import io.newsroom.news.definitions.VirtualUriMappings;
import io.newsroom.news.delivery.DeliveryApiServlet;
import io.newsroom.news.embedded.server.DemoContentAccess;
import io.newsroom.news.embedded.server.NewsRuntime;
import io.newsroom.news.embedded.server.RuntimeConfig;
import io.newsroom.news.views.ViewBeaconServlet;
import jakarta.servlet.http.HttpServlet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.jcr.Session;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Offline checks of everything Magnolia reads, since no Magnolia runs here: the YAML parses with
 * Magnolia's tags, every reference resolves, every i18n key exists in both languages and is used,
 * the content type, app form and Java model agree, and the module descriptor has Magnolia's shape.
 */
class MagnoliaDefinitionsTest {
    private static final Pattern I18N_IN_TEMPLATE = Pattern.compile("i18n\\['([^']+)'\\]");
    private static final Pattern KEY_IN_JAVA = Pattern.compile("\"(news\\.[A-Za-z0-9.]+)\"");
    private static final Pattern KEY_IN_YAML = Pattern.compile("^news\\.[A-Za-z0-9.]+$");
    private static Map<String, MagnoliaYaml.File> yaml;

    @BeforeAll
    static void read() throws IOException {
        yaml = MagnoliaYaml.all();
    }

    @Test
    void everyYamlFileParsesWithMagnoliasTags() throws IOException {
        assertTrue(yaml.size() >= 12, yaml.keySet().toString());
        assertEquals(
                List.of("!content-type:article", "!override"),
                yaml.get("apps/news.yaml").tags());
        for (MagnoliaYaml.File file : yaml.values()) {
            assertTrue(file.tree() instanceof Map, file.relative() + " is a mapping");
        }
        Path unknown = Files.createTempFile("unknown-tag", ".yaml");
        Files.writeString(unknown, "a: !colour red\n");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> MagnoliaYaml.read(unknown));
        assertTrue(
                String.valueOf(refused.getMessage()).contains("!colour")
                        || String.valueOf(refused.getCause()).contains("!colour"),
                refused.toString());
    }

    @Test
    void everyConverterTheAppNamesCanBeCreatedByMagnoliaAndConvertsTheRank() throws Exception {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("converterClass:\\s*(\\S+)")
                .matcher(Files.readString(MagnoliaYaml.MODULE.resolve("apps/news.yaml")));
        int converters = 0;
        while (named.find()) {
            converters++;
            Class<?> type = Class.forName(named.group(1));
            assertPublicNoArgConstructor(type);
            @SuppressWarnings("unchecked")
            com.vaadin.data.Converter<String, Long> converter = (com.vaadin.data.Converter<String, Long>)
                    type.getConstructor().newInstance();
            com.vaadin.data.ValueContext english = new com.vaadin.data.ValueContext(java.util.Locale.ENGLISH);
            assertEquals(3L, converter.convertToModel("3", english).getOrThrow(IllegalStateException::new));
            assertEquals(
                    "Enter a whole number, for example 1, 2 or 10.",
                    converter.convertToModel("ba", english).getMessage().orElseThrow());
            assertEquals(
                    "Hãy nhập một số nguyên, ví dụ 1, 2 hoặc 10.",
                    converter
                            .convertToModel("ba", new com.vaadin.data.ValueContext(new java.util.Locale("vi")))
                            .getMessage()
                            .orElseThrow());
        }
        assertEquals(1, converters, "the rank field's converter");
    }

    @Test
    void templatesDialogsAndComponentsResolve() {
        List<String> templates =
                yaml.keySet().stream().filter(k -> k.startsWith("templates/")).toList();
        assertTrue(templates.size() >= 5, templates.toString());
        for (String file : templates) {
            Map<String, Object> def = yaml.get(file).map();
            assertEquals("freemarker", def.get("renderType"), file);
            String script = (String) def.get("templateScript");
            assertTrue(script.startsWith("/news/templates/"), file + ": " + script);
            assertTrue(
                    Files.isRegularFile(MagnoliaYaml.MODULE.resolve(script.substring("/news/".length()))),
                    file + ": " + script);
            String dialog = (String) def.get("dialog");
            assertNotNull(dialog, file + " names its dialog");
            assertTrue(yaml.containsKey(dialogFile(dialog)), file + ": dialog " + dialog);
            assertTrue(
                    Files.isRegularFile(MagnoliaYaml.MODULE.resolve(file.replace(".yaml", ".md"))),
                    file + " has its README");
            if (def.get("areas") instanceof Map<?, ?> areas) {
                for (Object area : areas.values()) {
                    Map<?, ?> available = (Map<?, ?>) ((Map<?, ?>) area).get("availableComponents");
                    for (Object component : available.values()) {
                        String id = (String) ((Map<?, ?>) component).get("id");
                        assertTrue(yaml.containsKey(templateFile(id)), file + ": component " + id);
                    }
                }
            }
        }
        for (String ftl : List.of("templates/pages/home.ftl", "templates/pages/article.ftl")) {
            assertTrue(read(ftl).contains("[#include \"/news/templates/includes/"), ftl);
        }
    }

    @Test
    void theAppTheEndpointAndTheUriMappingPointAtWhatExists() throws Exception {
        String app = Files.readString(MagnoliaYaml.MODULE.resolve("apps/news.yaml"));
        assertTrue(app.startsWith("!content-type:article"), "the first line names the content type");
        assertTrue(yaml.containsKey("contentTypes/article.yaml"));
        // Magnolia's configurable endpoint (bypassWorkspaceAcls) would serve scheduled articles and account
        // names to anyone: the module serves its own read-only endpoint instead, declared like the beacon.
        assertFalse(
                Files.exists(MagnoliaYaml.MODULE.resolve("restEndpoints")), "no configurable delivery endpoint ships");
        List<String> mappings = elements(parseDescriptor().getDocumentElement(), "mapping").stream()
                .map(e -> e.getTextContent().strip())
                .toList();
        assertTrue(mappings.contains(DeliveryApiServlet.MODULE_PATH + "/*"), mappings.toString());

        Map<String, Object> mapping =
                yaml.get("virtualUriMappings/articles.yaml").map();
        assertEquals("info.magnolia.virtualuri.mapping.RegexpVirtualUriMapping", mapping.get("class"));
        String target = VirtualUriMappings.load(LightModule.locate())
                .map("/news/2020/10/dang-bo-phuong.html")
                .orElseThrow();
        assertEquals("/news/article.html?article=/2020/10/dang-bo-phuong", target);
        // The target page exists in the site the module sets up, with the article template.
        try (NewsRuntime runtime = NewsRuntime.start(RuntimeConfig.forTests())) {
            DemoContentAccess.createPages(runtime);
            Session website = runtime.repository().login("website");
            try {
                String page = target.substring(0, target.indexOf(".html"));
                assertEquals(
                        "news:pages/article",
                        website.getNode(page).getProperty("mgnl:template").getString());
            } finally {
                website.logout();
            }
        }
    }

    /** The app's publishing actions are offered in Magnolia to exactly the roles that publish in the embedded app. */
    @Test
    void thePublishingActionsNameTheMagnoliaRolesOfTheRolesThatPublish() {
        Map<?, ?> actions = (Map<?, ?>)
                ((Map<?, ?>) ((Map<?, ?>) yaml.get("apps/news.yaml").map().get("subApps")).get("browser"))
                        .get("actions");
        Set<String> publishers = java.util.Arrays.stream(Role.values())
                .filter(role -> role.may(Role.Permission.PUBLISH))
                .map(Role::magnoliaRole)
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of("news-editor", "superuser"), publishers);
        for (String action : List.of("activate", "deactivate")) {
            Map<?, ?> access =
                    (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) actions.get(action)).get("availability")).get("access");
            assertEquals(publishers, new java.util.HashSet<>((List<?>) access.get("roles")), action);
        }
    }

    @Test
    void contentTypeAppFormAndJavaModelAgree() {
        Map<?, ?> form = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>)
                                ((Map<?, ?>) yaml.get("apps/news.yaml").map().get("subApps")).get("detail"))
                        .get("form"))
                .get("properties");
        Set<String> formNames = new TreeSet<>();
        form.keySet().forEach(k -> formNames.add((String) k));
        Set<String> javaNames = new TreeSet<>();
        for (ArticleField field : ArticleField.values()) {
            javaNames.add(field.propertyName());
            Map<?, ?> input = (Map<?, ?>) form.get(field.propertyName());
            assertNotNull(input, "the app form edits " + field.propertyName());
            String expected = switch (field.type()) {
                case RICH_TEXT -> "richTextField";
                case ASSET -> "damLinkField";
                case DATE -> "dateField";
                case BOOLEAN -> "checkBoxField";
                default -> "textField";
            };
            assertEquals(expected, input.get("$type"), field.propertyName());
            if (field.type() == PropertyType.DATE) {
                assertEquals("java.util.Date", input.get("type"), field.propertyName());
            }
            if (field.type() == PropertyType.LONG) {
                assertEquals("java.lang.Long", input.get("type"), field.propertyName());
            }
            assertEquals(
                    field.required(), Boolean.TRUE.equals(input.get("required")), field.propertyName() + " required");
        }
        // Besides them, the English version's own address and state (its texts are the i18n fields themselves).
        java.util.Set<String> english = new java.util.TreeSet<>(formNames);
        english.removeAll(javaNames);
        assertEquals(java.util.Set.of("slug_en", "published_en"), english, "the English version's own properties");
        assertTrue(english.stream().allMatch(io.newsroom.news.article.Translation::isStoredProperty));
        assertEquals("checkBoxField", ((Map<?, ?>) form.get("published_en")).get("$type"));
        formNames.removeAll(english);
        assertEquals(javaNames, formNames, "the form has exactly the model's properties");
        for (String translated : io.newsroom.news.article.Translation.TEXT_FIELDS) {
            assertEquals(
                    Boolean.TRUE,
                    ((Map<?, ?>) form.get(translated)).get("i18n"),
                    translated + " has a version per language");
        }

        Map<?, ?> tabs = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>)
                                                yaml.get("apps/news.yaml").map().get("subApps"))
                                        .get("detail"))
                                .get("form"))
                        .get("layout"))
                .get("tabs");
        Set<String> inTabs = new TreeSet<>();
        for (Object tab : tabs.values()) {
            for (Object field : (List<?>) ((Map<?, ?>) tab).get("fields")) {
                assertTrue(inTabs.add((String) ((Map<?, ?>) field).get("name")), "a field sits in one tab only");
            }
        }
        assertTrue(inTabs.containsAll(english), "the English version's own fields sit in a tab too");
        inTabs.removeAll(english);
        assertEquals(javaNames, inTabs, "every field sits in a tab");

        Map<?, ?> columns =
                (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) yaml.get("apps/news.yaml")
                                                                .map()
                                                                .get("subApps"))
                                                        .get("browser"))
                                                .get("workbench"))
                                        .get("contentViews"))
                                .get("list"))
                        .get("columns");
        for (Object key : columns.keySet()) {
            String name = (String) ((Map<?, ?>) columns.get(key)).get("name");
            assertTrue(javaNames.contains(name) || Set.of("views", "status").contains(name), "column " + name);
        }
    }

    @Test
    void everyI18nKeyInUseExistsInBothLanguagesAndNoneIsUnused() throws IOException {
        Properties en = bundle("en");
        Properties vi = bundle("vi");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(vi.stringPropertyNames()));

        Set<String> used = new TreeSet<>();
        for (MagnoliaYaml.File file : yaml.values()) {
            collectKeys(file.tree(), used);
        }
        try (Stream<Path> ftl = Files.walk(MagnoliaYaml.MODULE.resolve("templates"))) {
            for (Path file : ftl.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                Matcher m = I18N_IN_TEMPLATE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            for (Path file : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_JAVA.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys used but not in the bundles");
        Set<String> unused = new TreeSet<>(en.stringPropertyNames());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys in the bundles that nothing uses");
    }

    @Test
    void theModuleDescriptorHasMagnoliasShapeAndItsClassesExist() throws Exception {
        Document descriptor = parseDescriptor();
        Element module = descriptor.getDocumentElement();
        assertEquals("news", text(module, "name"));
        assertFalse(text(module, "version").contains("${"), "the version comes from the pom");
        for (Element dependency : elements(module, "dependency")) {
            assertTrue(
                    text(dependency, "version").matches("\\d+\\.\\d+/\\*"),
                    "version range " + text(dependency, "version"));
        }
        for (Element component : elements(module, "component")) {
            Class<?> type = Class.forName(text(component, "type"));
            Class<?> implementation = Class.forName(text(component, "implementation"));
            assertTrue(type.isAssignableFrom(implementation), implementation + " is a " + type);
            assertPublicNoArgConstructor(implementation);
        }
        Map<String, String> servlets = new HashMap<>();
        for (Element servlet : elements(module, "servlet")) {
            Class<?> servletClass = Class.forName(text(servlet, "class"));
            assertTrue(HttpServlet.class.isAssignableFrom(servletClass), servletClass.getName());
            assertPublicNoArgConstructor(servletClass);
            for (Element mapping : elements(servlet, "mapping")) {
                servlets.put(mapping.getTextContent().strip(), servletClass.getName());
            }
        }
        assertEquals(
                Map.of(
                        ViewBeaconServlet.PATH,
                        MagnoliaViewBeaconServlet.class.getName(),
                        DeliveryApiServlet.MODULE_PATH,
                        MagnoliaDeliveryServlet.class.getName(),
                        DeliveryApiServlet.MODULE_PATH + "/*",
                        MagnoliaDeliveryServlet.class.getName()),
                servlets);
        assertNull(text(module, "nodeTypeFile"), "news-stats uses only node types that exist before modules start");
        assertEquals("news-stats", text(module, "workspace"));

        // A descriptor with an element Magnolia does not know is refused by the same check.
        String wrong = Files.readString(Path.of("target/classes/META-INF/magnolia/news.xml"))
                .replace("<displayName>", "<colour>red</colour><displayName>");
        assertThrows(SAXParseException.class, () -> parse(wrong));
    }

    @Test
    void theDescriptorStructureIsMagnoliasElementByElement() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/magnolia/news.xml"));
        // Containers hold at least one child, and component children keep their order.
        assertThrows(
                SAXParseException.class,
                () -> parse(descriptor.replaceAll("(?s)<servlets>.*</servlets>", "<servlets/>")));
        assertThrows(
                SAXParseException.class,
                () -> parse(
                        descriptor.replace(
                                "<implementation>io.newsroom.news.magnolia.MagnoliaNewsFunctions</implementation>\n      <scope>singleton</scope>",
                                "<scope>singleton</scope>\n      <implementation>io.newsroom.news.magnolia.MagnoliaNewsFunctions</implementation>")));
        assertDoesNotThrow(
                () -> parse(descriptor.replace("<type>io.newsroom.news.templating.NewsFunctions</type>", "")),
                "type is optional in a component");
    }

    @Test
    void theJarCarriesOneDescriptorAndTheLightModulesRangesAgreeWithIt() throws Exception {
        assertFalse(
                Files.exists(Path.of("target/classes/news/module.yaml")),
                "module.yaml describes the light module alone");
        assertTrue(Files.exists(Path.of("target/classes/news/contentTypes/article.yaml")));
        Map<String, String> fromXml = new TreeMap<>();
        for (Element dependency : elements(parseDescriptor().getDocumentElement(), "dependency")) {
            fromXml.put(
                    text(dependency, "name"),
                    text(dependency, "version")
                            + (Boolean.parseBoolean(text(dependency, "optional")) ? " optional" : ""));
        }
        Map<String, String> fromYaml = new TreeMap<>();
        Map<?, ?> declared = (Map<?, ?>) MagnoliaYaml.read(MagnoliaYaml.MODULE.resolve("module.yaml"))
                .map()
                .get("dependencies");
        declared.forEach((name, value) -> fromYaml.put(
                (String) name,
                ((Map<?, ?>) value).get("version")
                        + (Boolean.TRUE.equals(((Map<?, ?>) value).get("optional")) ? " optional" : "")));
        for (Map.Entry<String, String> dependency : fromYaml.entrySet()) {
            assertEquals(dependency.getValue(), fromXml.get(dependency.getKey()), "range of " + dependency.getKey());
        }
        assertEquals("2.0/*", fromXml.get("content-types"), "the content types line of Magnolia 6.3/6.4");
        assertEquals("6.4/*", fromXml.get("core"));
    }

    @Test
    void everyTemplateEscapesAndLinksAssetsThroughDamfn() throws IOException {
        try (Stream<Path> files = Files.walk(MagnoliaYaml.MODULE.resolve("templates"))) {
            for (Path ftl : files.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                String text = Files.readString(ftl);
                assertTrue(
                        text.startsWith("[#ftl output_format=\"HTML\"]"),
                        ftl + " declares HTML output (auto-escaping)");
                assertFalse(text.contains("/dam/"), ftl + " builds no asset address by hand");
                assertFalse(text.contains("imageUrl"), ftl + " links images with damfn.getAssetLink");
                if (text.contains("article.image")) {
                    // The image itself or one of the theme's renditions, always through damfn.
                    assertTrue(
                            Pattern.compile("damfn\\.getAssetLink\\(article\\.image(, \"[a-z]+\")?\\)")
                                    .matcher(text)
                                    .find(),
                            ftl.toString());
                }
            }
        }
    }

    @Test
    void theBootstrapRegistersNewsfnWithTheClassTheDescriptorBinds() throws Exception {
        String file = "/mgnl-bootstrap/news/config.modules.rendering.renderers.freemarker.contextAttributes.newsfn.xml";
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document bootstrap;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            bootstrap = factory.newDocumentBuilder().parse(in);
        }
        Map<String, String> properties = new HashMap<>();
        var props = bootstrap.getElementsByTagNameNS("http://www.jcp.org/jcr/sv/1.0", "property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            properties.put(
                    p.getAttributeNS("http://www.jcp.org/jcr/sv/1.0", "name"),
                    p.getTextContent().strip());
        }
        assertEquals("newsfn", properties.get("name"));
        assertEquals("newsfn", bootstrap.getDocumentElement().getAttributeNS("http://www.jcp.org/jcr/sv/1.0", "name"));
        String boundType = text(parseDescriptor().getDocumentElement(), "type");
        assertEquals(boundType, properties.get("componentClass"), "the renderer asks the container for the bound type");
    }

    // --- helpers ---

    private static void assertPublicNoArgConstructor(Class<?> type) throws NoSuchMethodException {
        Constructor<?> constructor = type.getConstructor();
        assertTrue(
                Modifier.isPublic(constructor.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
                type.getName());
    }

    private static Document parseDescriptor() throws Exception {
        return parse(Files.readString(Path.of("target/classes/META-INF/magnolia/news.xml")));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        var builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> systemId != null && systemId.endsWith("module.dtd")
                ? new InputSource(MagnoliaDefinitionsTest.class.getResourceAsStream("/module.dtd"))
                : null);
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String dialogFile(String id) {
        return "dialogs/" + id.substring(id.indexOf(':') + 1) + ".yaml";
    }

    private static String templateFile(String id) {
        return "templates/" + id.substring(id.indexOf(':') + 1) + ".yaml";
    }

    private static String read(String file) {
        try {
            return Files.readString(MagnoliaYaml.MODULE.resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(
                MagnoliaYaml.MODULE.resolve("i18n/module-news-messages_" + language + ".properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static void collectKeys(Object tree, Set<String> into) {
        if (tree instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectKeys(v, into));
        } else if (tree instanceof List<?> list) {
            list.forEach(v -> collectKeys(v, into));
        } else if (tree instanceof String s && KEY_IN_YAML.matcher(s).matches()) {
            into.add(s);
        }
    }
}
