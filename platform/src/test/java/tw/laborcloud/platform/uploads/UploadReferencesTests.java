package tw.laborcloud.platform.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tw.laborcloud.platform.uploads.UploadReferences.Reference;
import tw.laborcloud.platform.web.FieldViolation;

class UploadReferencesTests {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(24));

    private static final UploadTickets.UploadedFile FILE = new UploadTickets.UploadedFile(1234,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "document.pdf");

    private final UploadTickets tickets = new UploadTickets("a-test-secret-of-at-least-32-characters");
    private final List<Set<String>> lookedUp = new ArrayList<>();

    @Test
    void validReferencesPassAndAreLookedUpOnce() {
        List<FieldViolation> violations = check(List.of(ref("CHARTER", "u-1"), ref("UNION_SEAL", "u-2")), null, Set.of(),
                Set.of());

        assertThat(violations).isEmpty();
        assertThat(lookedUp).containsExactly(Set.of("u-1", "u-2"));
    }

    @Test
    void eachRefusalIsOnItsOwnFieldWithItsOwnCode() {
        List<Reference> references = List.of(
                new Reference("documents.CHARTER", "章程", "CHARTER", "u-1", null),
                new Reference("documents.CERTIFICATE_SCAN", "立案證書", "CERTIFICATE_SCAN", "u-2",
                        tickets.issue("u-2", "CERTIFICATE_SCAN", NOW, null, FILE)),
                new Reference("documents.UNION_SEAL", "圖記", "UNION_SEAL", "u-3",
                        tickets.issue("u-3", "REPRESENTATIVE_SEAL", LATER, null, FILE)),
                ref("REPRESENTATIVE_SEAL", "u-4"),
                ref("HARASSMENT_EVIDENCE", "u-4"));

        List<FieldViolation> violations = check(references, null, Set.of(), Set.of("u-4"));

        assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("documents.CHARTER", UploadReferences.UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("documents.CERTIFICATE_SCAN", UploadReferences.EXPIRED),
                org.assertj.core.groups.Tuple.tuple("documents.UNION_SEAL", UploadReferences.KIND_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("documents.HARASSMENT_EVIDENCE", UploadReferences.USED_TWICE),
                org.assertj.core.groups.Tuple.tuple("documents.REPRESENTATIVE_SEAL", UploadReferences.ALREADY_USED));
        assertThat(violations.get(0).message()).isEqualTo("找不到「章程」的上傳紀錄，請重新上傳檔案。");
        assertThat(violations).allSatisfy(v -> assertThat(UploadReferences.isRefusal(v)).isTrue());
    }

    @Test
    void aFilingTakesOnlyItsOwnUnionsUploads() {
        Reference anotherUnions = new Reference("attachments.MEETING_MINUTES", "會議紀錄", "MEETING_MINUTES", "u-9",
                tickets.issue("u-9", "MEETING_MINUTES", LATER, "U-2", FILE));

        assertThat(check(List.of(anotherUnions), "U-1", Set.of(), Set.of())).singleElement()
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo(UploadReferences.NOT_YOURS);
                    assertThat(v.message()).isEqualTo("此檔案不是以貴會帳號上傳的，請重新上傳「會議紀錄」。");
                });
    }

    @Test
    void uploadsTheFilingAlreadyHoldsAreItsOwnWhateverTheirTicketSaysByNow() {
        Reference kept = new Reference("attachments.BUDGET", "年度預算書", "BUDGET", "u-5",
                tickets.issue("u-5", "BUDGET", NOW.minusSeconds(1), "U-1", FILE));
        Reference withoutTicket = new Reference("attachments.WORK_PLAN", "年度工作計畫", "WORK_PLAN", "u-6", null);

        assertThat(check(List.of(kept, withoutTicket), "U-1", Set.of("u-5", "u-6"), Set.of())).isEmpty();
        assertThat(lookedUp).isEmpty();
    }

    private List<FieldViolation> check(List<Reference> references, String owner, Set<String> held,
            Set<String> usedElsewhere) {
        return UploadReferences.check(tickets, references, owner, NOW, held, ids -> {
            lookedUp.add(Set.copyOf(ids));
            return usedElsewhere;
        });
    }

    private Reference ref(String kind, String uploadId) {
        return new Reference("documents." + kind, kind, kind, uploadId, tickets.issue(uploadId, kind, LATER, null, FILE));
    }
}
