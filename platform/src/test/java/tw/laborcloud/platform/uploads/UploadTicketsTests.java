package tw.laborcloud.platform.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import tw.laborcloud.platform.uploads.UploadTickets.Outcome;

class UploadTicketsTests {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(24));
    private static final String UPLOAD = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private final UploadTickets tickets = new UploadTickets(SECRET);

    @Test
    void aTicketIsValidForItsUploadAndKindUntilItsExpiry() {
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null);

        assertThat(ticket).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, NOW)).isEqualTo(Outcome.VALID);
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, EXPIRY.minusMillis(1))).isEqualTo(Outcome.VALID);
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, EXPIRY)).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void anotherServiceWithTheSameSecretAcceptsIt() {
        String ticket = tickets.issue(UPLOAD, "UNION_SEAL", EXPIRY, null);

        assertThat(new UploadTickets(SECRET).verify(ticket, UPLOAD, "UNION_SEAL", null, NOW)).isEqualTo(Outcome.VALID);
        assertThat(new UploadTickets(SECRET + "x").verify(ticket, UPLOAD, "UNION_SEAL", null, NOW))
                .isEqualTo(Outcome.FORGED);
    }

    @Test
    void missingOrMangledTicketsAreMalformed() {
        for (String ticket : new String[] { null, "", "no-dot", ".", "abc.", ".abc", "a.b.c", "!!!.???",
                "x".repeat(UploadTickets.MAX_TICKET_LENGTH + 1) }) {
            assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, NOW)).as(String.valueOf(ticket))
                    .isEqualTo(Outcome.MALFORMED);
        }
    }

    @Test
    void aChangedPayloadOrSignatureIsForged() {
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null);
        String payload = ticket.substring(0, ticket.indexOf('.'));
        String signature = ticket.substring(ticket.indexOf('.') + 1);
        // the same upload, valid for ten more years, under the original signature
        String extended = encode("1\n" + UPLOAD + "\nCHARTER\n" + NOW.plus(Duration.ofDays(3650)).toEpochMilli() + "\n");
        String flipped = signature.substring(0, 5) + (signature.charAt(5) == 'A' ? 'B' : 'A') + signature.substring(6);

        assertThat(tickets.verify(extended + "." + signature, UPLOAD, "CHARTER", null, NOW)).isEqualTo(Outcome.FORGED);
        assertThat(tickets.verify(payload + "." + flipped, UPLOAD, "CHARTER", null, NOW)).isEqualTo(Outcome.FORGED);
    }

    @Test
    void anotherUploadsTicketDoesNotVouchForThisOne() {
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null);

        assertThat(tickets.verify(ticket, "9a1c2b3d-0000-4000-8000-000000000001", "CHARTER", null, NOW))
                .isEqualTo(Outcome.FORGED);
    }

    @Test
    void theKindMustBeTheOneUploaded() {
        String ticket = tickets.issue(UPLOAD, "UNION_SEAL", EXPIRY, null);

        assertThat(tickets.verify(ticket, UPLOAD, "REPRESENTATIVE_SEAL", null, NOW)).isEqualTo(Outcome.WRONG_KIND);
    }

    @Test
    void anOwnerIsCheckedWhereOneIsAskedFor() {
        String unions = tickets.issue(UPLOAD, "MEETING_MINUTES", EXPIRY, "U-1");
        String anonymous = tickets.issue(UPLOAD, "MEETING_MINUTES", EXPIRY, null);

        assertThat(tickets.verify(unions, UPLOAD, "MEETING_MINUTES", "U-1", NOW)).isEqualTo(Outcome.VALID);
        assertThat(tickets.verify(unions, UPLOAD, "MEETING_MINUTES", "U-2", NOW)).isEqualTo(Outcome.OTHER_OWNER);
        assertThat(tickets.verify(anonymous, UPLOAD, "MEETING_MINUTES", "U-1", NOW)).isEqualTo(Outcome.OTHER_OWNER);
        // a registration asks for no owner
        assertThat(tickets.verify(unions, UPLOAD, "MEETING_MINUTES", null, NOW)).isEqualTo(Outcome.VALID);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new UploadTickets("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(UploadTickets.SECRET_PROPERTY);
        assertThatThrownBy(() -> new UploadTickets(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsThatWouldBreakThePayloadAreNotIssued() {
        assertThatThrownBy(() -> tickets.issue(UPLOAD + "\nUNION_SEAL", "CHARTER", EXPIRY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets.issue(UPLOAD, "CHARTER", EXPIRY, "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
