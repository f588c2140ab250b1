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

    private static final UploadTickets.UploadedFile FILE = new UploadTickets.UploadedFile(48_213,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "章程 2026.pdf");

    private final UploadTickets tickets = new UploadTickets(SECRET);

    @Test
    void aTicketIsValidForItsUploadAndKindUntilItsExpiry() {
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null, FILE);

        assertThat(ticket).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, NOW)).isEqualTo(Outcome.VALID);
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, EXPIRY.minusMillis(1))).isEqualTo(Outcome.VALID);
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, EXPIRY)).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void anotherServiceWithTheSameSecretAcceptsIt() {
        String ticket = tickets.issue(UPLOAD, "UNION_SEAL", EXPIRY, null, FILE);

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
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null, FILE);
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
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null, FILE);

        assertThat(tickets.verify(ticket, "9a1c2b3d-0000-4000-8000-000000000001", "CHARTER", null, NOW))
                .isEqualTo(Outcome.FORGED);
    }

    @Test
    void theKindMustBeTheOneUploaded() {
        String ticket = tickets.issue(UPLOAD, "UNION_SEAL", EXPIRY, null, FILE);

        assertThat(tickets.verify(ticket, UPLOAD, "REPRESENTATIVE_SEAL", null, NOW)).isEqualTo(Outcome.WRONG_KIND);
    }

    @Test
    void anOwnerIsCheckedWhereOneIsAskedFor() {
        String unions = tickets.issue(UPLOAD, "MEETING_MINUTES", EXPIRY, "U-1", FILE);
        String anonymous = tickets.issue(UPLOAD, "MEETING_MINUTES", EXPIRY, null, FILE);

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
        assertThatThrownBy(() -> tickets.issue(UPLOAD + "\nUNION_SEAL", "CHARTER", EXPIRY, null, FILE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets.issue(UPLOAD, "CHARTER", EXPIRY, "", FILE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersion2TicketCarriesTheFilesSizeHashAndName() {
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, "U-1", FILE);

        assertThat(ticket).startsWith(encode("2\n").substring(0, 2));
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", "U-1", NOW)).isEqualTo(Outcome.VALID);
        assertThat(tickets.facts(ticket)).contains(new UploadTickets.Facts(UPLOAD, "CHARTER", EXPIRY, "U-1", FILE));
        assertThat(tickets.facts(tickets.issue(UPLOAD, "CHARTER", EXPIRY, null, FILE)).orElseThrow().owner()).isNull();
    }

    @Test
    void aVersion1TicketStaysValidWithinItsLifetimeAndDescribesNoFile() {
        String ticket = tickets.sign("1", UPLOAD, "CHARTER", Long.toString(EXPIRY.toEpochMilli()), "");

        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, NOW)).isEqualTo(Outcome.VALID);
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", null, EXPIRY)).isEqualTo(Outcome.EXPIRED);
        assertThat(tickets.verify(ticket, UPLOAD, "CHARTER", "U-1", NOW)).isEqualTo(Outcome.OTHER_OWNER);
        UploadTickets.Facts facts = tickets.facts(ticket).orElseThrow();
        assertThat(facts.uploadId()).isEqualTo(UPLOAD);
        assertThat(facts.uploadedFile()).isEmpty();
    }

    @Test
    void aChangedSizeOrHashUnderTheOriginalSignatureIsForged() {
        String ticket = tickets.issue(UPLOAD, "CHARTER", EXPIRY, null, FILE);
        String signature = ticket.substring(ticket.indexOf('.') + 1);
        String payload = new String(Base64.getUrlDecoder().decode(ticket.substring(0, ticket.indexOf('.'))),
                StandardCharsets.UTF_8);
        String smaller = payload.replace("\n48213\n", "\n1\n");
        String otherHash = payload.replace(FILE.sha256(), "0".repeat(64));

        assertThat(smaller).isNotEqualTo(payload);
        assertThat(otherHash).isNotEqualTo(payload);
        for (String changed : new String[] { smaller, otherHash }) {
            String forged = encode(changed) + "." + signature;
            assertThat(tickets.verify(forged, UPLOAD, "CHARTER", null, NOW)).isEqualTo(Outcome.FORGED);
            assertThat(tickets.facts(forged)).isEmpty();
        }
    }

    @Test
    void aFileNameWithANewlineQuotesOrAnyScriptRoundTrips() {
        String name = "會員名冊\n\"final\" 'v2'\r\nUNION_SEAL.pdf";
        String longest = "名".repeat(UploadTickets.MAX_FILE_NAME - 4) + ".pdf";

        for (String n : new String[] { name, longest }) {
            UploadTickets.UploadedFile file = new UploadTickets.UploadedFile(7, FILE.sha256(), n);
            String ticket = tickets.issue(UPLOAD, "MEMBER_ROSTER", EXPIRY, "U-123456", file);
            assertThat(tickets.verify(ticket, UPLOAD, "MEMBER_ROSTER", "U-123456", NOW)).isEqualTo(Outcome.VALID);
            assertThat(tickets.facts(ticket).orElseThrow().file()).isEqualTo(file);
        }
    }

    @Test
    void fileFactsThatCannotBeTrueAreNotIssued() {
        assertThatThrownBy(() -> new UploadTickets.UploadedFile(-1, FILE.sha256(), "a.pdf"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadTickets.UploadedFile(1, "ABC", "a.pdf"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadTickets.UploadedFile(1, FILE.sha256(), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadTickets.UploadedFile(1, FILE.sha256(), "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgedOrMalformedTicketsHaveNoFacts() {
        assertThat(tickets.facts(null)).isEmpty();
        assertThat(tickets.facts("not-a-ticket")).isEmpty();
        assertThat(new UploadTickets(SECRET + "x").facts(tickets.issue(UPLOAD, "CHARTER", EXPIRY, null, FILE)))
                .isEmpty();
        // genuine but of an unknown version
        assertThat(tickets.facts(tickets.sign("3", UPLOAD, "CHARTER", "1", ""))).isEmpty();
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
