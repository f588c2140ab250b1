package tw.laborcloud.registration.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import tw.laborcloud.platform.uploads.UploadReferences;
import tw.laborcloud.platform.uploads.UploadTickets;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * The uploads a registration or its supplements refer to, checked before anything is stored
 * and without asking document-service: each one's ticket (known, unexpired, uploaded as the
 * kind it is filed under), no upload twice in one request, none that another registration
 * already used. Violations are on {@code documents.<KIND>}, as the validators name them.
 */
@Component
public class DocumentReferences {

    private final UploadTickets tickets;
    private final Registrations registrations;

    DocumentReferences(UploadTickets tickets, Registrations registrations) {
        this.tickets = tickets;
        this.registrations = registrations;
    }

    /**
     * @param own the registration the supplements are for (its uploads are its own); null for a new one
     * @param refused violations found already: a field refused for its form is not checked again
     */
    public List<FieldViolation> check(List<RegistrationRequest.DocumentRef> documents, Registration own,
            List<FieldViolation> refused, Instant now) {
        if (documents != null && documents.size() > DocumentKind.values().length) {
            return List.of(); // refused whole by the validators (too many), not walked
        }
        Set<String> refusedFields = new HashSet<>();
        refused.forEach(v -> refusedFields.add(v.field()));
        List<UploadReferences.Reference> references = new ArrayList<>();
        for (RegistrationRequest.DocumentRef d : documents == null ? List.<RegistrationRequest.DocumentRef>of()
                : documents) {
            DocumentKind kind = d == null ? null : DocumentKind.parse(d.kind()).orElse(null);
            if (kind == null || !RegistrationValidator.isUploadId(d.uploadId())) {
                continue; // the validators said what is wrong with it
            }
            String field = "documents." + kind.name();
            if (!refusedFields.contains(field)) {
                references.add(new UploadReferences.Reference(field, kind.label(), kind.name(), d.uploadId(),
                        d.ticket()));
            }
        }
        Set<String> held = new HashSet<>();
        if (own != null && own.usedUploadIds() != null) {
            held.addAll(own.usedUploadIds());
        }
        String except = own == null ? null : own.applicationId();
        // no owner asked for: the applicant has no account yet
        return UploadReferences.check(tickets, references, null, now, held,
                ids -> registrations.usedElsewhere(ids, except));
    }

    /**
     * What the tickets of checked references vouch for: each file's name, size and SHA-256 (none for a
     * ticket of version 1, issued before tickets carried them).
     */
    public List<Registration.UploadedFile> uploadedFiles(List<RegistrationRequest.DocumentRef> documents) {
        return documents.stream().flatMap(d -> tickets.facts(d.ticket()).flatMap(UploadTickets.Facts::uploadedFile)
                .map(f -> new Registration.UploadedFile(d.kind(), d.uploadId(), f.name(), f.size(), f.sha256()))
                .stream()).toList();
    }

    /** The uploads of a request, to be kept with the registration as used. */
    public static List<String> uploadIds(List<RegistrationRequest.DocumentRef> documents) {
        return documents.stream().map(RegistrationRequest.DocumentRef::uploadId).distinct().toList();
    }
}
