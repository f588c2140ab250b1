package tw.laborcloud.registration.supplement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tw.laborcloud.events.review.SupplementRequested;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.registration.registration.DocumentKind;
import tw.laborcloud.registration.registration.RegistrationRequest;
import tw.laborcloud.registration.registration.RegistrationValidator;

/**
 * Checks the replacement documents against what the bureau asked for: every requested kind
 * exactly once, nothing else, each with an upload id of the form the registration accepts.
 * Violations are on {@code documents.<KIND>}, the field names of the registration form.
 */
final class SupplementValidator {

    private SupplementValidator() {
    }

    static List<FieldViolation> validate(List<SupplementRequested.RequestedDocument> requested,
            List<RegistrationRequest.DocumentRef> submitted) {
        Set<String> requestedKinds = new LinkedHashSet<>();
        requested.forEach(r -> requestedKinds.add(r.kind()));
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RegistrationRequest.DocumentRef d : submitted == null ? List.<RegistrationRequest.DocumentRef>of() : submitted) {
            DocumentKind kind = d == null ? null : DocumentKind.parse(d.kind()).orElse(null);
            if (kind == null) {
                violations.add(new FieldViolation("documents", "DOCUMENT_KIND_UNKNOWN", "不明的附件種類"));
                continue;
            }
            String field = "documents." + kind.name();
            if (!seen.add(kind.name())) {
                violations.add(new FieldViolation(field, "DOCUMENT_DUPLICATED", "同一種附件只能上傳一份"));
            } else if (!requestedKinds.contains(kind.name())) {
                violations.add(new FieldViolation(field, "NOT_REQUESTED",
                        "「" + kind.label() + "」不在本次補正的項目中，請勿上傳"));
            } else if (!RegistrationValidator.isUploadId(d.uploadId())) {
                violations.add(new FieldViolation(field, "UPLOAD_ID_INVALID", "附件上傳識別碼不正確，請重新上傳"));
            }
        }
        for (String kind : requestedKinds) {
            if (!seen.contains(kind)) {
                violations.add(new FieldViolation("documents." + kind, "REQUIRED",
                        "請上傳補正的「" + DocumentKind.labelOf(kind) + "」"));
            }
        }
        return violations;
    }
}
