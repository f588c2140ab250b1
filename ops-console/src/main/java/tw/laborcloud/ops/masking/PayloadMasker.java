package tw.laborcloud.ops.masking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tw.laborcloud.platform.privacy.PersonalData;

/**
 * Finds personal data in what the console shows (payloads, headers, error messages) and masks
 * each value the way the platform masks it everywhere ({@link PersonalData}): operations staff
 * can recognise a record, not read the person's data. Secrets (the e-mail confirmation token,
 * any password) are never shown at all, nor is the submission copy (a PDF of the whole form, which no field
 * masking reaches). Applied before anything is stored or sent to a browser.
 */
public final class PayloadMasker {

    public static final String HIDDEN = "（已隱藏）";

    private static final Set<String> SECRETS = Set.of("emailConfirmationToken", "password", "passwordConfirm",
            "passwordHash", "submissionCopy");
    private static final Set<String> NAMES = Set.of("contactName", "representative");
    private static final Set<String> PHONES = Set.of("contactPhone", "fax");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    // field=value (a record's toString, a log-like message) and "field":"value" (JSON inside text)
    private static final Pattern SECRET_IN_TEXT = fieldInText(SECRETS);
    private static final Pattern NAME_IN_TEXT = fieldInText(NAMES);
    private static final Pattern PHONE_IN_TEXT = fieldInText(PHONES);

    private final JsonMapper json;

    public PayloadMasker(JsonMapper json) {
        this.json = json;
    }

    /** A JSON document with personal fields masked at any depth; anything that is not JSON is masked as text. */
    public String maskPayload(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return json.writeValueAsString(mask(json.readTree(trimmed)));
            } catch (JacksonException notJson) {
                // a poisoned record may be anything: fall through to text masking
            }
        }
        return maskText(raw);
    }

    /** Free text (error messages, header values): e-mail addresses anywhere, named fields in key=value form. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(SECRET_IN_TEXT, text, v -> HIDDEN);
        out = replace(NAME_IN_TEXT, out, PersonalData::name);
        out = replace(PHONE_IN_TEXT, out, PersonalData::phone);
        return EMAIL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(PersonalData.email(m.group())));
    }

    public static Map<String, String> maskHeaders(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, SECRETS.contains(k) ? HIDDEN : maskText(v)));
        return out;
    }

    private JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (SECRETS.contains(field)) {
                    object.put(field, HIDDEN);
                } else if (value != null && value.isString() && NAMES.contains(field)) {
                    object.put(field, PersonalData.name(value.stringValue()));
                } else if (value != null && value.isString() && PHONES.contains(field)) {
                    object.put(field, PersonalData.phone(value.stringValue()));
                } else {
                    object.set(field, mask(value));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i)));
            }
            return array;
        }
        if (node != null && node.isString()) {
            return StringNode.valueOf(maskText(node.stringValue()));
        }
        return node;
    }

    private static Pattern fieldInText(Set<String> fields) {
        // field, then = or ":" (with optional quotes), then the value up to a delimiter
        return Pattern.compile("(\"?(?:" + String.join("|", fields) + ")\"?\\s*[:=]\\s*\"?)([^\",}\\]\\)\\n]+)");
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> masker) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + masker.apply(m.group(2))));
    }
}
