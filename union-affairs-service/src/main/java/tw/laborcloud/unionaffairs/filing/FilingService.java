package tw.laborcloud.unionaffairs.filing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.platform.outbox.Outbox;
import tw.laborcloud.platform.outbox.OutboxRelay;
import tw.laborcloud.platform.outbox.PendingEvent;
import tw.laborcloud.platform.uploads.UploadReferences;
import tw.laborcloud.platform.uploads.UploadTickets;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.CorrelationIds;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.unionaffairs.filing.Filing.Action;
import tw.laborcloud.unionaffairs.filing.Filing.HistoryEntry;
import tw.laborcloud.unionaffairs.profile.UnionProfile;
import tw.laborcloud.unionaffairs.profile.UnionProfiles;

/**
 * A union's filings: drafts (created, changed, deleted), submission and resubmission after
 * a return. Every refusal is an {@link ApiException} thrown before anything is written;
 * every write is one conditional update that also checks the revision and the state the
 * decision was made on, so a concurrent change is refused rather than overwritten.
 */
@Service
class FilingService {

    static final int MAX_ATTACHMENTS = 30;

    private static final Logger log = LoggerFactory.getLogger(FilingService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Filings filings;
    private final UnionProfiles profiles;
    private final UploadTickets tickets;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    FilingService(Filings filings, UnionProfiles profiles, UploadTickets tickets, Outbox outbox, OutboxRelay relay,
            Clock clock) {
        this.filings = filings;
        this.profiles = profiles;
        this.tickets = tickets;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    record Draft(String type, Map<String, Object> form, List<AttachmentRef> attachments, Long revision) {
    }

    Filing create(String unionId, String actor, Draft request) {
        FilingType type = FilingType.parse(request.type()).orElseThrow(() -> ApiException.invalid(List.of(
                new FieldViolation("type", "UNKNOWN_TYPE", "請選擇申請類別。"))));
        activeProfile(unionId);
        Map<String, Object> form = checkedShape(type, request.form());
        List<AttachmentRef> attachments = checkedShape(request.attachments());
        Instant now = clock.instant();
        Filing filing = new Filing(newId(), unionId, type, FilingStatus.DRAFT, 0, 0, form, attachments,
                dueBy(type, form), null, List.of(new HistoryEntry(now, actor, Action.CREATED, type.label())), now,
                null, null, null, List.of(), List.of(), null);
        filings.insert(filing);
        log.info("union {} created filing {} ({})", unionId, filing.filingId(), type);
        return filing;
    }

    Filing update(String unionId, String actor, String filingId, Draft request) {
        Filing filing = own(unionId, filingId);
        requireEditable(filing);
        long revision = requireRevision(filing, request.revision());
        activeProfile(unionId);
        Map<String, Object> form = checkedShape(filing.type(), request.form());
        List<AttachmentRef> attachments = checkedShape(request.attachments());
        Update update = new Update().set("form", form).set("attachments", attachments)
                .set("dueBy", dueBy(filing.type(), form))
                .push("history", new HistoryEntry(clock.instant(), actor, Action.UPDATED, null));
        if (!filings.updateIf(unionId, filingId, revision, Set.of(FilingStatus.DRAFT, FilingStatus.RETURNED),
                update)) {
            throw changedMeanwhile(unionId, filingId);
        }
        return own(unionId, filingId);
    }

    void delete(String unionId, String filingId) {
        Filing filing = own(unionId, filingId);
        if (filing.status() != FilingStatus.DRAFT) {
            throw ApiException.conflict("FILING_NOT_DELETABLE", "只有尚未送出的草稿可以刪除；此申請"
                    + filing.status().label() + "。");
        }
        if (!filings.deleteDraft(unionId, filingId)) {
            throw changedMeanwhile(unionId, filingId);
        }
        log.info("union {} deleted draft {}", unionId, filingId);
    }

    Filing submit(String unionId, String actor, String filingId, Long expectedRevision) {
        Filing filing = own(unionId, filingId);
        if (!filing.status().editable()) {
            throw ApiException.conflict("FILING_NOT_SUBMITTABLE", "此申請" + filing.status().label()
                    + "，不能再次送出。");
        }
        long revision = requireRevision(filing, expectedRevision);
        UnionProfile profile = activeProfile(unionId);
        LocalDate today = Deadlines.today(clock);
        FilingRules.Checked checked = FilingRules.check(filing.type(), filing.form(), filing.attachments(), profile,
                today);
        Instant now = clock.instant();
        List<FieldViolation> violations = new ArrayList<>(checked.violations());
        violations.addAll(attachmentUploads(unionId, filing, violations, now));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        int round = filing.round() + 1;
        LocalDate dueBy = Deadlines.dueBy(filing.type(), checked.form());
        LocalDate firstSubmittedOn = Deadlines.dayOf(filing.firstSubmittedAt() == null ? now
                : filing.firstSubmittedAt());
        FilingSubmitted event = FilingSubmitted.of(filingId, correlationId(), unionId, profile.certificateNo(),
                profile.unionName(), filing.type().name(), filing.type().label(), round, checked.form().display(),
                filing.attachments().stream().map(a -> new SubmittedDocument(a.kind(), a.uploadId())).toList(),
                dueBy, Deadlines.overdue(dueBy, firstSubmittedOn, today));
        PendingEvent pending = outbox.pending(event);
        Update update = new Update()
                .set("status", FilingStatus.SUBMITTED)
                .set("round", round)
                .set("dueBy", dueBy)
                .set("submittedAt", now)
                .unset("returnReason")
                .push("history", new HistoryEntry(now, actor, round == 1 ? Action.SUBMITTED : Action.RESUBMITTED,
                        "第 " + round + " 次送出"))
                .push(PendingEvent.FIELD, pending);
        if (filing.firstSubmittedAt() == null) {
            update.set("firstSubmittedAt", now);
        }
        if (!filing.attachments().isEmpty()) {
            update.addToSet(Filings.USED_UPLOADS).each(filing.attachments().stream().map(AttachmentRef::uploadId)
                    .distinct().toArray());
        }
        boolean taken;
        try {
            taken = filings.updateIf(unionId, filingId, revision, Set.of(FilingStatus.DRAFT, FilingStatus.RETURNED),
                    update);
        } catch (Filings.UploadAlreadyUsed raced) {
            // another filing was submitted with one of these uploads between the check and this write
            throw invalid(attachmentUploads(unionId, filing, List.of(), now));
        }
        if (!taken) {
            throw changedMeanwhile(unionId, filingId);
        }
        relay.publishSoon(Filing.COLLECTION, filingId);
        log.info("union {} submitted filing {} ({}, round {})", unionId, filingId, filing.type(), round);
        return own(unionId, filingId);
    }

    /**
     * The attachments' uploads, checked without asking document-service: each one's ticket (uploaded
     * by this union, as this kind, not expired), no upload twice, none that another filing used. An
     * upload an earlier round of this filing used is its own, whatever its ticket says by now.
     */
    private List<FieldViolation> attachmentUploads(String unionId, Filing filing, List<FieldViolation> refused,
            Instant now) {
        Set<String> refusedFields = new HashSet<>();
        refused.forEach(v -> refusedFields.add(v.field()));
        List<UploadReferences.Reference> references = filing.attachments().stream()
                .filter(a -> !refusedFields.contains("attachments." + a.kind()))
                .map(a -> new UploadReferences.Reference("attachments." + a.kind(), DocumentKinds.label(a.kind()),
                        a.kind(), a.uploadId(), a.ticket()))
                .toList();
        Set<String> held = filing.usedUploadIds() == null ? Set.of() : Set.copyOf(filing.usedUploadIds());
        return UploadReferences.check(tickets, references, unionId, now, held,
                ids -> filings.usedElsewhere(ids, filing.filingId()));
    }

    private static ApiException invalid(List<FieldViolation> violations) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "FILING_INVALID",
                "申請內容尚未完備，請依各欄位說明修正後再送出。", violations);
    }

    List<Filing> list(String unionId) {
        return filings.of(unionId);
    }

    Filing own(String unionId, String filingId) {
        return filings.findOf(unionId, filingId).orElseThrow(FilingService::notFound);
    }

    static ApiException notFound() {
        return ApiException.notFound("FILING_NOT_FOUND", "查無此申請案件。");
    }

    private UnionProfile activeProfile(String unionId) {
        UnionProfile profile = profiles.find(unionId).orElseThrow(() -> ApiException.notFound("PROFILE_NOT_FOUND",
                "查無工會資料：貴會帳號正在建立中，請稍候幾分鐘再試；若持續出現此訊息，請洽新北市政府勞工局。"));
        if (!profile.isActive()) {
            throw ApiException.conflict("UNION_DISSOLVED", "貴會已解散並經備查，無法再提出或修改會務申請。");
        }
        return profile;
    }

    private static void requireEditable(Filing filing) {
        if (!filing.status().editable()) {
            throw ApiException.conflict("FILING_NOT_EDITABLE", "此申請" + filing.status().label()
                    + "，不能修改；退回補正後才能修改。");
        }
    }

    private static long requireRevision(Filing filing, Long expected) {
        if (expected == null) {
            throw ApiException.invalid(List.of(new FieldViolation("revision", "REQUIRED",
                    "缺少版本資訊，請重新整理頁面後再試。")));
        }
        if (expected != filing.revision()) {
            throw filingChanged();
        }
        return expected;
    }

    /** Why a conditional write found nothing to change: gone, moved on, or changed by someone else. */
    private ApiException changedMeanwhile(String unionId, String filingId) {
        return filings.findOf(unionId, filingId).<ApiException>map(f -> filingChanged())
                .orElseGet(FilingService::notFound);
    }

    private static ApiException filingChanged() {
        return ApiException.conflict("FILING_CHANGED", "此申請已在其他視窗或由其他人修改過，請重新整理頁面後再操作。");
    }

    /**
     * The shape a draft must have to be saved at all: only the type's fields, within a sane
     * size. Whether the values are right is asked on submission.
     */
    private static Map<String, Object> checkedShape(FilingType type, Map<String, Object> form) {
        Map<String, Object> kept = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        if (form != null) {
            form.forEach((name, value) -> {
                FieldSpec field = type.field(name).orElse(null);
                if (field == null) {
                    violations.add(new FieldViolation("form." + name, "UNKNOWN_FIELD",
                            "「" + name + "」不是「" + type.label() + "」的欄位。"));
                } else if (String.valueOf(value).length() > 20_000) {
                    violations.add(new FieldViolation("form." + name, "TOO_LONG", "「" + field.label() + "」內容過長。"));
                } else if (value != null) {
                    Object storable = storable(field, value);
                    if (storable == null) {
                        violations.add(new FieldViolation("form." + name, "INVALID_VALUE",
                                "「" + field.label() + "」的格式不正確。"));
                    } else {
                        kept.put(name, storable);
                    }
                }
            });
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return kept;
    }

    /**
     * The value in the shape its kind has, with only the keys that kind knows (addresses,
     * counts and names are objects; the rest single values), so that whatever JSON is sent,
     * what is stored is plain; null when the shape is wrong. Numbers too large for the store
     * are kept as their digits and refused as numbers on submission.
     */
    private static Object storable(FieldSpec field, Object value) {
        return switch (field.kind()) {
            case ADDRESS -> value instanceof Map<?, ?> m ? pick(m, "district", "street") : null;
            case COUNTS -> value instanceof Map<?, ?> m ? pick(m, "male", "female") : null;
            case NAMES -> {
                if (!(value instanceof List<?> list)) {
                    yield null;
                }
                List<Object> people = new ArrayList<>();
                for (Object person : list) {
                    if (!(person instanceof Map<?, ?> m)) {
                        yield null;
                    }
                    people.add(pick(m, "name", "gender"));
                }
                yield people;
            }
            default -> scalar(value);
        };
    }

    private static Map<String, Object> pick(Map<?, ?> map, String... keys) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String key : keys) {
            Object value = scalar(map.get(key));
            if (value != null) {
                picked.put(key, value);
            }
        }
        return picked;
    }

    private static Object scalar(Object value) {
        return switch (value) {
            case String s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case Number n -> n.toString();
            case null, default -> null;
        };
    }

    private static List<AttachmentRef> checkedShape(List<AttachmentRef> attachments) {
        if (attachments == null) {
            return List.of();
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw ApiException.invalid(List.of(new FieldViolation("attachments", "TOO_MANY",
                    "附件最多 " + MAX_ATTACHMENTS + " 個。")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentRef a = attachments.get(i);
            if (a == null || blank(a.kind()) || blank(a.uploadId()) || a.kind().length() > 40
                    || a.uploadId().length() > 100 || (a.ticket() != null && a.ticket().length() > 1024)) {
                violations.add(new FieldViolation("attachments[" + i + "]", "INVALID_ATTACHMENT",
                        "附件資料不完整，請重新上傳。"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return List.copyOf(attachments);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private LocalDate dueBy(FilingType type, Map<String, Object> form) {
        return Deadlines.dueBy(type, FormValues.read(type, form, Deadlines.today(clock)));
    }

    private static String correlationId() {
        String current = CorrelationIds.current();
        return current == null || current.isBlank() ? "filing-" + HexFormat.of().formatHex(randomBytes(6)) : current;
    }

    /** "F-" and 12 hex digits: unguessable, short enough to read out on the phone to the bureau. */
    private static String newId() {
        return "F-" + HexFormat.of().withUpperCase().formatHex(randomBytes(6));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
