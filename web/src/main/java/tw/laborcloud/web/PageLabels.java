package tw.laborcloud.web;

import java.util.LinkedHashMap;
import java.util.Map;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.UnionTypes;

/**
 * The zh-TW labels of the codes the APIs send, as the pages show them, written into each page by its
 * layout ({@code body[data-labels]}, read by {@code /web/dom.js}'s {@code Dom.label}). They come from the
 * event contracts, the one place they are kept: no page keeps a copy of its own.
 */
public final class PageLabels {

    private static final String JSON = toJson(tables());

    private PageLabels() {
    }

    /** The tables by name, each in the contracts' order: {@code documentKinds} (a registration's documents and filings' attachments), {@code unionTypes}. */
    public static Map<String, Map<String, String>> tables() {
        Map<String, String> documentKinds = new LinkedHashMap<>(DocumentKinds.labels());
        documentKinds.putAll(DocumentKinds.filingAttachmentLabels());
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        tables.put("documentKinds", documentKinds);
        tables.put("unionTypes", UnionTypes.labels());
        return tables;
    }

    /** {@link #tables()} as JSON (HTML-escaped later, by the template that writes it into an attribute). */
    public static String json() {
        return JSON;
    }

    private static String toJson(Map<String, Map<String, String>> tables) {
        StringBuilder json = new StringBuilder("{");
        tables.forEach((name, table) -> {
            json.append(json.length() > 1 ? "," : "").append(quoted(name)).append(":{");
            int start = json.length();
            table.forEach((code, label) -> json.append(json.length() > start ? "," : "").append(quoted(code)).append(':').append(quoted(label)));
            json.append('}');
        });
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
