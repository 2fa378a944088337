package io.newsroom.news.magnolia;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Reading the module descriptor's elements, for the offline checks and the host model. */
final class DescriptorXml {
    private DescriptorXml() {}

    static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        var nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The trimmed text of the first {@code name} element below {@code parent}; null when there is none. */
    static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
