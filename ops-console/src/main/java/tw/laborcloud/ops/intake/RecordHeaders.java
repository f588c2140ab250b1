package tw.laborcloud.ops.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads Kafka headers as text, decoding the binder's binary dead-letter headers as numbers. */
public final class RecordHeaders {

    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";
    public static final String REPLAYED_BY = "x-replayed-by";
    public static final String REPLAYED_AT = "x-replayed-at";
    public static final String TRACEPARENT = "traceparent";

    private static final Set<String> INTS = Set.of(ORIGINAL_PARTITION, "kafka_dlt-original-partition");
    private static final Set<String> LONGS = Set.of(ORIGINAL_OFFSET, "x-original-timestamp",
            "kafka_dlt-original-offset", "kafka_dlt-original-timestamp");

    private RecordHeaders() {
    }

    /** The last value of the header as text, or null when absent. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : decode(name, header.value());
    }

    /** Every header (the last value of each name) as text, in record order. */
    public static Map<String, String> all(ConsumerRecord<?, ?> record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            out.put(h.key(), h.value() == null ? "" : decode(h.key(), h.value()));
        }
        return out;
    }

    static String decode(String name, byte[] value) {
        if (INTS.contains(name) && value.length == Integer.BYTES) {
            return String.valueOf(ByteBuffer.wrap(value).getInt());
        }
        if (LONGS.contains(name) && value.length == Long.BYTES) {
            return String.valueOf(ByteBuffer.wrap(value).getLong());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException binary) {
            return "0x" + HexFormat.of().formatHex(value);
        }
    }

    public static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The trace id of a W3C {@code traceparent} header (version-traceid-spanid-flags), or null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}
