package tw.laborcloud.ops.intake;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;

/**
 * What every event says about itself, read leniently from a raw record: a poisoned record may
 * be no JSON at all, so each fact falls back (event id to the record's coordinates, the
 * application to the key, the time to the record's timestamp, the type to the topic's).
 */
public record EventFacts(String eventId, String eventType, String applicationId, String certificateNo,
        Instant occurredAt, String correlationId) {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String CORRELATION_ID = "correlationId";

    /**
     * @param topic the topic the event was published to (for a dead letter: the original topic)
     */
    public static EventFacts of(ConsumerRecord<byte[], byte[]> record, String topic, JsonMapper json) {
        JsonNode node = parse(RecordHeaders.utf8(record.value()), json);
        String eventId = firstOf(RecordHeaders.text(record, EVENT_ID), text(node, "eventId"),
                record.topic() + ":" + record.partition() + ":" + record.offset());
        String type = firstOf(RecordHeaders.text(record, EVENT_TYPE), typeOfTopic(topic), topic);
        String applicationId = firstOf(text(node, "applicationId"), RecordHeaders.utf8(record.key()), null);
        Instant occurredAt = instant(text(node, "occurredAt"));
        return new EventFacts(eventId, type, applicationId, text(node, "certificateNo"),
                occurredAt == null ? Instant.ofEpochMilli(record.timestamp()) : occurredAt,
                firstOf(text(node, "correlationId"), RecordHeaders.text(record, CORRELATION_ID), null));
    }

    static String typeOfTopic(String topic) {
        return Topics.ALL.stream().filter(t -> t.name().equals(topic)).map(t -> t.type().getSimpleName())
                .findFirst().orElse(null);
    }

    private static JsonNode parse(String value, JsonMapper json) {
        if (value == null || !value.strip().startsWith("{")) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && (value.isString() || value.isNumber()) ? value.asString() : null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstOf(String a, String b, String c) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
    }
}
