package tw.laborcloud.platform.uploads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tw.laborcloud.platform.web.FieldViolation;

/**
 * What a service that takes references to uploads (a registration, its supplements, a
 * union's filing) checks before it stores anything: each reference's ticket
 * ({@link UploadTickets}), no upload twice in one request, and no upload that an earlier
 * application or filing already used. Each refusal is a violation of the reference's own
 * field with its own code and a message in Traditional Chinese.
 */
public final class UploadReferences {

    /** No ticket, not a ticket, or one that is not ours or not this upload's. */
    public static final String UNKNOWN = "UPLOAD_UNKNOWN";
    public static final String EXPIRED = "UPLOAD_EXPIRED";
    public static final String KIND_MISMATCH = "UPLOAD_KIND_MISMATCH";
    public static final String NOT_YOURS = "UPLOAD_NOT_YOURS";
    public static final String USED_TWICE = "UPLOAD_USED_TWICE";
    public static final String ALREADY_USED = "UPLOAD_ALREADY_USED";

    private static final Set<String> CODES = Set.of(UNKNOWN, EXPIRED, KIND_MISMATCH, NOT_YOURS, USED_TWICE,
            ALREADY_USED);

    private UploadReferences() {
    }

    /**
     * One referenced upload.
     *
     * @param field the form field its errors belong to (e.g. {@code documents.CHARTER})
     * @param label how the form names the document, for the messages
     */
    public record Reference(String field, String label, String kind, String uploadId, String ticket) {
    }

    /** Which of these upload ids an earlier application or filing (not the one being sent) already used. */
    @FunctionalInterface
    public interface UsedElsewhere {
        Set<String> among(Set<String> uploadIds);
    }

    /**
     * Every refusal among the references, in their order.
     *
     * @param owner the union that sends them, whose uploads they must be; null where no owner is asked for
     * @param held uploads the application or filing being sent already holds (e.g. a filing's attachments
     *     of an earlier round): its own, whatever their ticket says by now
     */
    public static List<FieldViolation> check(UploadTickets tickets, List<Reference> references, String owner,
            Instant now, Set<String> held, UsedElsewhere usedElsewhere) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Reference> valid = new ArrayList<>();
        for (Reference r : references) {
            if (!seen.add(r.uploadId())) {
                violations.add(violation(r, USED_TWICE,
                        "同一個上傳檔案不能同時作為兩份文件，請為「" + r.label() + "」另外上傳檔案。"));
                continue;
            }
            if (held.contains(r.uploadId())) {
                continue;
            }
            switch (tickets.verify(r.ticket(), r.uploadId(), r.kind(), owner, now)) {
                case VALID -> valid.add(r);
                case MALFORMED, FORGED -> violations.add(violation(r, UNKNOWN,
                        "找不到「" + r.label() + "」的上傳紀錄，請重新上傳檔案。"));
                case EXPIRED -> violations.add(violation(r, EXPIRED,
                        "「" + r.label() + "」的檔案上傳後已超過保留期限，請重新上傳檔案。"));
                case WRONG_KIND -> violations.add(violation(r, KIND_MISMATCH,
                        "此檔案是以其他文件類別上傳的，不能作為「" + r.label() + "」，請在此欄位重新上傳。"));
                case OTHER_OWNER -> violations.add(violation(r, NOT_YOURS,
                        "此檔案不是以貴會帳號上傳的，請重新上傳「" + r.label() + "」。"));
            }
        }
        if (!valid.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            valid.forEach(r -> ids.add(r.uploadId()));
            Set<String> used = usedElsewhere.among(ids);
            for (Reference r : valid) {
                if (used.contains(r.uploadId())) {
                    violations.add(alreadyUsed(r));
                }
            }
        }
        return violations;
    }

    /** The refusal of an upload another application or filing already used (also when a unique index finds it). */
    public static FieldViolation alreadyUsed(Reference r) {
        return violation(r, ALREADY_USED, "此檔案已用於先前送出的其他申請，請為「" + r.label() + "」重新上傳檔案。");
    }

    /** Whether the violation is one of these refusals. */
    public static boolean isRefusal(FieldViolation violation) {
        return CODES.contains(violation.code());
    }

    private static FieldViolation violation(Reference r, String code, String message) {
        return new FieldViolation(r.field(), code, message);
    }
}
