package tw.laborcloud.platform.uploads;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * owner (empty for an upload made without a union's token), one per line. Version 2 adds the
 * upload's size in bytes, its SHA-256 (lowercase hex) and its file name as document-service
 * keeps it (base64url of its UTF-8, so that no character of a name can break the lines), so a
 * receiving service can describe the file (the submission copy) without asking document-service;
 * {@link #facts} reads them. {@link #issue} writes version 2; {@link #verify} also takes
 * version 1, which uploads staged before version 2 carry until they expire. The secret
 * ({@value #SECRET_PROPERTY}) is shared by the issuing and the checking services. The MAC is
 * compared in constant time.
 */
public final class UploadTickets {

    public static final String SECRET_PROPERTY = "laborcloud.uploads.ticket-secret";
    /** 32 characters: an HMAC-SHA256 key should carry at least the 256 bits of its output. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** The longest file name a ticket carries, in code points: longer than any file system's. */
    public static final int MAX_FILE_NAME = 255;
    /**
     * More than any ticket needs (an id, a kind, a time, a union id, a size, a hash and a name of
     * {@value #MAX_FILE_NAME} characters of up to 4 UTF-8 bytes: about 2,100); anything longer is refused unread.
     */
    static final int MAX_TICKET_LENGTH = 4096;

    static final String VERSION_1 = "1";
    static final String VERSION_2 = "2";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
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

    /** The file a ticket of version 2 describes, as document-service stored it (its name sanitised there). */
    public record UploadedFile(long size, String sha256, String name) {

        public UploadedFile {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
            if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
            }
            // any characters: the payload carries the name encoded; which ones a name may have is the issuer's rule
            if (name == null || name.isEmpty() || name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
                throw new IllegalArgumentException("name must be present and at most " + MAX_FILE_NAME
                        + " characters long");
            }
        }
    }

    /**
     * What a genuine ticket says.
     *
     * @param owner the union that uploaded it, null for an upload made without a union's token
     * @param file the file, null in a ticket of version 1
     */
    public record Facts(String uploadId, String kind, Instant expiresAt, String owner, UploadedFile file) {

        public Optional<UploadedFile> uploadedFile() {
            return Optional.ofNullable(file);
        }
    }

    /** A ticket read: its facts when genuine, otherwise why not (MALFORMED or FORGED). */
    private record Reading(Facts facts, Outcome refusal) {

        static Reading refused(Outcome outcome) {
            return new Reading(null, outcome);
        }
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
     * The ticket of an upload (version 2).
     *
     * @param owner the union that uploaded it, or null for an upload made without a union's token
     * @param file the stored file's size, SHA-256 and (sanitised) name
     */
    public String issue(String uploadId, String kind, Instant expiresAt, String owner, UploadedFile file) {
        requireField(uploadId, "uploadId");
        requireField(kind, "kind");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(file, "file");
        if (owner != null) {
            requireField(owner, "owner");
        }
        return sign(VERSION_2, uploadId, kind, Long.toString(expiresAt.toEpochMilli()), owner == null ? "" : owner,
                Long.toString(file.size()), file.sha256(),
                ENCODER.encodeToString(file.name().getBytes(StandardCharsets.UTF_8)));
    }

    /** The ticket of the payload's lines; package-private so that tests can make version 1 tickets. */
    String sign(String... lines) {
        byte[] payload = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * Checks the ticket presented with a reference to {@code uploadId} filed as {@code kind}.
     *
     * @param owner the union that files it, whose upload it must be; null where no owner is asked
     *     for (a registration: the applicant has no account yet)
     */
    public Outcome verify(String ticket, String uploadId, String kind, String owner, Instant now) {
        Reading reading = read(ticket);
        if (reading.refusal() != null) {
            return reading.refusal();
        }
        Facts facts = reading.facts();
        if (!facts.uploadId().equals(uploadId)) {
            return Outcome.FORGED;
        }
        if (!facts.kind().equals(kind)) {
            return Outcome.WRONG_KIND;
        }
        if (owner != null && !owner.equals(facts.owner())) {
            return Outcome.OTHER_OWNER;
        }
        // as document-service's claim: an upload is usable strictly before its expiry
        if (!now.isBefore(facts.expiresAt())) {
            return Outcome.EXPIRED;
        }
        return Outcome.VALID;
    }

    /**
     * What a genuine ticket (signed with our secret, of a version this code knows) says; empty for any
     * other. It does not check what {@link #verify} checks (upload, kind, owner, expiry): read the facts
     * of a ticket that {@link #verify} found VALID.
     */
    public Optional<Facts> facts(String ticket) {
        return Optional.ofNullable(read(ticket).facts());
    }

    private Reading read(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > MAX_TICKET_LENGTH) {
            return Reading.refused(Outcome.MALFORMED);
        }
        int dot = ticket.indexOf('.');
        if (dot <= 0 || dot == ticket.length() - 1 || dot != ticket.lastIndexOf('.')) {
            return Reading.refused(Outcome.MALFORMED);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(ticket.substring(0, dot));
            signature = DECODER.decode(ticket.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Reading.refused(Outcome.MALFORMED);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Reading.refused(Outcome.FORGED);
        }
        // signed by us, so well formed: only a version this code does not know could fail below
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        boolean v1 = fields.length == 5 && VERSION_1.equals(fields[0]);
        boolean v2 = fields.length == 8 && VERSION_2.equals(fields[0]);
        if (!v1 && !v2) {
            return Reading.refused(Outcome.MALFORMED);
        }
        try {
            UploadedFile file = v2 ? new UploadedFile(Long.parseLong(fields[5]), fields[6],
                    new String(DECODER.decode(fields[7]), StandardCharsets.UTF_8)) : null;
            return new Reading(new Facts(fields[1], fields[2], Instant.ofEpochMilli(Long.parseLong(fields[3])),
                    fields[4].isEmpty() ? null : fields[4], file), null);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return Reading.refused(Outcome.MALFORMED);
        }
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
