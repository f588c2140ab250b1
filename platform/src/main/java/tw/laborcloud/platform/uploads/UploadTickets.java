package tw.laborcloud.platform.uploads;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ticket document-service hands out with every accepted upload, so that the services an
 * application or filing is sent to can tell at once, without asking document-service (no
 * service calls another), whether a referenced upload exists, is still valid, was made as the
 * kind it is filed under and, for uploads made with a union's token, by the union that files
 * it.
 * <p>
 * A ticket is {@code base64url(payload) + "." + base64url(HMAC-SHA256(secret, payload))}; the
 * payload is the version, the upload id, the kind, the expiry (epoch milliseconds) and the
 * owner (empty for an upload made without a union's token), one per line. The secret
 * ({@value #SECRET_PROPERTY}) is shared by the issuing and the checking services. The MAC is
 * compared in constant time.
 */
public final class UploadTickets {

    public static final String SECRET_PROPERTY = "laborcloud.uploads.ticket-secret";
    /** 32 characters: an HMAC-SHA256 key should carry at least the 256 bits of its output. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** Far more than any ticket needs (an id, a kind, a time, a union id); anything longer is refused unread. */
    static final int MAX_TICKET_LENGTH = 1024;

    private static final String VERSION = "1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a ticket says about the upload it is presented with. */
    public enum Outcome {
        VALID,
        /** Missing, or not a ticket at all. */
        MALFORMED,
        /** Not signed with our secret, or signed for another upload than the one it is presented with. */
        FORGED,
        /** Genuine, but the upload's staging time is over: document-service will not let it be claimed. */
        EXPIRED,
        /** Genuine, but the upload was made as another kind than the one it is filed under. */
        WRONG_KIND,
        /** Genuine, but the upload was made by another union (or by no union) than the one filing it. */
        OTHER_OWNER
    }

    private final SecretKeySpec key;

    public UploadTickets(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(SECRET_PROPERTY + " must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * The ticket of an upload.
     *
     * @param owner the union that uploaded it, or null for an upload made without a union's token
     */
    public String issue(String uploadId, String kind, Instant expiresAt, String owner) {
        requireField(uploadId, "uploadId");
        requireField(kind, "kind");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (owner != null) {
            requireField(owner, "owner");
        }
        byte[] payload = String.join("\n", VERSION, uploadId, kind, Long.toString(expiresAt.toEpochMilli()),
                owner == null ? "" : owner).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * Checks the ticket presented with a reference to {@code uploadId} filed as {@code kind}.
     *
     * @param owner the union that files it, whose upload it must be; null where no owner is asked
     *     for (a registration: the applicant has no account yet)
     */
    public Outcome verify(String ticket, String uploadId, String kind, String owner, Instant now) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > MAX_TICKET_LENGTH) {
            return Outcome.MALFORMED;
        }
        int dot = ticket.indexOf('.');
        if (dot <= 0 || dot == ticket.length() - 1 || dot != ticket.lastIndexOf('.')) {
            return Outcome.MALFORMED;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(ticket.substring(0, dot));
            signature = DECODER.decode(ticket.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Outcome.MALFORMED;
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Outcome.FORGED;
        }
        // signed by us, so well formed: only a version this code does not know could fail below
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 5 || !VERSION.equals(fields[0])) {
            return Outcome.MALFORMED;
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(fields[3]);
        } catch (NumberFormatException e) {
            return Outcome.MALFORMED;
        }
        if (!fields[1].equals(uploadId)) {
            return Outcome.FORGED;
        }
        if (!fields[2].equals(kind)) {
            return Outcome.WRONG_KIND;
        }
        if (owner != null && !fields[4].equals(owner)) {
            return Outcome.OTHER_OWNER;
        }
        // as document-service's claim: an upload is usable strictly before its expiry
        if (now.toEpochMilli() >= expiresAt) {
            return Outcome.EXPIRED;
        }
        return Outcome.VALID;
    }

    private byte[] mac(byte[] payload) {
        try {
            // a Mac is not thread-safe; making one per ticket costs microseconds
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void requireField(String value, String name) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must be present and on one line");
        }
    }
}
