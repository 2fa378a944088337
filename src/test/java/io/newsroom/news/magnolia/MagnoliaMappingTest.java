package io.newsroom.news.magnolia;

import static org.junit.jupiter.api.Assertions.*;

import info.magnolia.cms.filters.Mapping;
import org.junit.jupiter.api.Test;

/** The host model's servlet mappings behave as Magnolia core's {@code Mapping} regexes do. */
class MagnoliaMappingTest {

    private static Mapping of(String... mappings) {
        Mapping mapping = new Mapping();
        for (String m : mappings) {
            mapping.addMapping(m);
        }
        return mapping;
    }

    @Test
    void aPathMappingNeedsTheSlashAfterItsPrefix() {
        Mapping prefixOnly = of("/.news/delivery/news/*");
        assertNull(
                prefixOnly.match("/.news/delivery/news"), "Magnolia's ^(/.news/delivery/news)(/)(.*) needs the slash");
        assertEquals(new Mapping.Match("/.news/delivery/news", null), prefixOnly.match("/.news/delivery/news/"));
        assertEquals(
                new Mapping.Match("/.news/delivery/news", "/2020/10/a"),
                prefixOnly.match("/.news/delivery/news/2020/10/a"));
        assertNull(prefixOnly.match("/.news/delivery/newsletter"), "not a prefix of another name");
    }

    @Test
    void theModuleDeclaresBothSoTheBareAddressAnswersToo() {
        Mapping declared = of("/.news/delivery/news", "/.news/delivery/news/*");
        assertEquals(new Mapping.Match("/.news/delivery/news", null), declared.match("/.news/delivery/news"));
        assertEquals(new Mapping.Match("/.news/delivery/news", "/x"), declared.match("/.news/delivery/news/x"));
        assertNull(declared.match("/.news/delivery/news.json"));
    }

    @Test
    void exactAndExtensionMappingsMatchWholeAddresses() {
        assertNotNull(of("/.news/views").match("/.news/views"));
        assertNull(of("/.news/views").match("/.news/views/x"));
        assertEquals("/a/b.jsp", of("*.jsp").match("/a/b.jsp").servletPath());
        assertNull(of("*.jsp").match("/a/b.jspx"));
    }
}
