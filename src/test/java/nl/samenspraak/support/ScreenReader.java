package nl.samenspraak.support;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

/**
 * What a screen reader is told about one element: Chromium's own accessibility tree (CDP), which is what NVDA,
 * TalkBack and VoiceOver read from, so a test asserts the name, description and states a person hears rather than
 * the attributes that should lead to them.
 */
public final class ScreenReader {
    private final ChromeDriver driver;

    public ScreenReader(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The element {@code expression} (JavaScript) evaluates to, as the accessibility tree has it. */
    public Node node(String expression) {
        Map<String, Object> evaluated = driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", expression));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) evaluated.get("result");
        Object objectId = result.get("objectId");
        if (objectId == null) {
            throw new AssertionError("no element for " + expression);
        }
        Map<String, Object> tree = driver.executeCdpCommand("Accessibility.getPartialAXTree",
                Map.of("objectId", objectId, "fetchRelatives", false));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        return new Node(nodes.get(0));
    }

    /**
     * How a change to the element is spoken without anyone moving to it: the politeness ("polite", "assertive") of
     * the live region it is in, itself or an ancestor, or "" outside any. Text both focused and in a live region is
     * read twice.
     */
    public String liveRegionAround(String expression) {
        Map<String, Object> evaluated = driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", expression));
        @SuppressWarnings("unchecked")
        Object objectId = ((Map<String, Object>) evaluated.get("result")).get("objectId");
        Map<String, Object> tree = driver.executeCdpCommand("Accessibility.getPartialAXTree",
                Map.of("objectId", objectId, "fetchRelatives", true));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        Map<Object, Map<String, Object>> byId = new java.util.HashMap<>();
        nodes.forEach(n -> byId.put(n.get("nodeId"), n));
        // the node asked for is the first the call returns whose role is not only a wrapper: look it up by its DOM node
        Map<String, Object> described = driver.executeCdpCommand("DOM.describeNode", Map.of("objectId", objectId));
        @SuppressWarnings("unchecked")
        Object backend = ((Map<String, Object>) described.get("node")).get("backendNodeId");
        Map<String, Object> n = nodes.stream().filter(x -> backend.equals(x.get("backendDOMNodeId"))).findFirst().orElse(null);
        while (n != null) {
            String live = new Node(n).property("live");
            if (!live.isEmpty() && !"off".equals(live)) {
                return live;
            }
            n = byId.get(n.get("parentId"));
        }
        return "";
    }

    /**
     * The start of each table shown on the page that a screen reader announces without a name (no caption, no label): in a
     * list of tables, or jumping from one to the next, two such tables with the same column headers sound the same.
     */
    public List<String> unnamedTables() {
        List<String> unnamed = new java.util.ArrayList<>();
        long tables = (Long) driver.executeScript("return document.querySelectorAll('table').length;");
        for (int i = 0; i < tables; i++) {
            String table = "document.querySelectorAll('table')[" + i + "]";
            // a table not shown (the comparison's rounds on their side, on a wide screen) is not in the tree at all
            boolean shown = (Boolean) driver.executeScript("return " + table + ".getClientRects().length > 0;");
            if (shown && node(table).name().isBlank()) {
                String html = (String) driver.executeScript("return " + table + ".outerHTML;");
                unnamed.add(html.substring(0, Math.min(160, html.length())));
            }
        }
        return unnamed;
    }

    /** The page's headings as a screen reader lists them: "level name", in order (hidden ones are not in the tree). */
    public List<String> headings() {
        Map<String, Object> tree = driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        return nodes.stream().filter(n -> !Boolean.TRUE.equals(n.get("ignored"))).map(Node::new)
                .filter(n -> "heading".equals(n.role())).map(n -> n.property("level") + " " + n.name()).toList();
    }

    /**
     * What a screen reader reads going through each element {@code selector} (CSS) matches, line by line in browse
     * mode: the text of the accessibility tree under it, in order, also text kept off the screen for it alone, and
     * none of what is hidden from it.
     */
    public List<String> readThrough(String selector) {
        Map<String, Object> tree = driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        Map<Object, Map<String, Object>> byId = new java.util.HashMap<>();
        Map<Object, Map<String, Object>> byDomNode = new java.util.HashMap<>();
        nodes.forEach(n -> {
            byId.put(n.get("nodeId"), n);
            if (n.get("backendDOMNodeId") != null) {
                byDomNode.put(n.get("backendDOMNodeId"), n);
            }
        });
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        @SuppressWarnings("unchecked")
        Object root = ((Map<String, Object>) document.get("root")).get("nodeId");
        Map<String, Object> found = driver.executeCdpCommand("DOM.querySelectorAll", Map.of("nodeId", root, "selector", selector));
        List<String> read = new java.util.ArrayList<>();
        for (Object domNode : (List<?>) found.get("nodeIds")) {
            Map<String, Object> described = driver.executeCdpCommand("DOM.describeNode", Map.of("nodeId", domNode));
            @SuppressWarnings("unchecked")
            Object backend = ((Map<String, Object>) described.get("node")).get("backendNodeId");
            StringBuilder text = new StringBuilder();
            collect(byDomNode.get(backend), byId, text);
            read.add(text.toString().replaceAll("\\s+", " ").trim());
        }
        return read;
    }

    private static void collect(Map<String, Object> node, Map<Object, Map<String, Object>> byId, StringBuilder text) {
        if (node == null) {
            return;
        }
        Node n = new Node(node);
        if ("StaticText".equals(n.role())) {
            if (!Boolean.TRUE.equals(node.get("ignored"))) {
                text.append(n.name()).append(' ');
            }
            return;
        }
        Object children = node.get("childIds");
        if (children instanceof List<?> ids) {
            ids.forEach(id -> collect(byId.get(id), byId, text));
        }
    }

    /** One node of the tree: its role, the name and description read out, and its properties (invalid, live, ...). */
    public record Node(Map<String, Object> raw) {
        public String role() {
            return value(raw.get("role"));
        }

        public String name() {
            return value(raw.get("name"));
        }

        public String description() {
            return value(raw.get("description"));
        }

        /** A property such as "invalid", "live" or "checked", as a string; "" when the node has none. */
        public String property(String name) {
            Object properties = raw.get("properties");
            if (properties instanceof List<?> list) {
                for (Object p : list) {
                    if (p instanceof Map<?, ?> m && name.equals(m.get("name"))) {
                        return value(m.get("value"));
                    }
                }
            }
            return "";
        }

        private static String value(Object holder) {
            if (holder instanceof Map<?, ?> m && m.get("value") != null) {
                return String.valueOf(m.get("value")).trim();
            }
            return "";
        }
    }
}
