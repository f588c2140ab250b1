package tw.laborcloud.review.signoff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.cases.ReviewCase.HistoryEntry;

/**
 * What every two-step decision of the bureau (公文陳核) follows, for registrations and
 * union-affairs filings alike: texts within bounds, a different officer for the sign-off,
 * and a clear account of what another officer did when an action lost a race.
 */
public final class SignOffRules {

    public static final int MAX_TEXT = 1000;
    private static final DateTimeFormatter OFFICERS_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Taipei"));

    private SignOffRules() {
    }

    public static String requiredText(String text, String field, String message) {
        String value = optionalText(text, field);
        if (value == null) {
            throw ApiException.invalid(List.of(new FieldViolation(field, "REQUIRED", message)));
        }
        return value;
    }

    public static String optionalText(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.invalid(List.of(new FieldViolation(field, "TOO_LONG", "最多 " + MAX_TEXT + " 字")));
        }
        return text.strip();
    }

    /**
     * A sign-off or send-back names the revision of the case the supervisor saw, so that nobody
     * signs off a proposal that was sent back and proposed again meanwhile.
     */
    public static long requireRevision(Long shown) {
        if (shown == null) {
            throw ApiException.invalid(List.of(new FieldViolation("revision", "REQUIRED",
                    "缺少案件版本：請重新整理頁面後再核定")));
        }
        return shown;
    }

    /** Four eyes: whoever proposed cannot also sign off (or send back) the same proposal. */
    public static void requireOtherOfficer(String proposedBy, Actor actor) {
        if (proposedBy.equals(actor.username())) {
            throw ApiException.forbidden("SAME_OFFICER", "擬辦人與核定人不得為同一人（" + actor.username() + "）");
        }
    }

    /** Tells the officer who lost a race what the other officer did. */
    public static ApiException changedMeanwhile(List<HistoryEntry> history, String statusLabel) {
        String last = history.stream().filter(h -> !"system".equals(h.actor())).reduce((a, b) -> b)
                .map(h -> h.actor() + " 於 " + taipei(h.at()) + " " + actionLabel(h.action())
                        + (h.detail() == null ? "" : "（" + h.detail() + "）"))
                .orElse("案件資料已更新");
        return ApiException.conflict("CASE_CHANGED", "案件已有變更：" + last + "。目前狀態為「" + statusLabel
                + "」，請重新整理後再決定。");
    }

    /** Times in problem details are read by officers in Taipei. */
    public static String taipei(Instant at) {
        return at == null ? "" : OFFICERS_TIME.format(at);
    }

    public static String actionLabel(String action) {
        return switch (action) {
            case "PROPOSED" -> "擬辦";
            case "SIGNED_OFF" -> "核定";
            case "SENT_BACK" -> "退回擬辦";
            default -> action;
        };
    }

    public static HistoryEntry entry(Actor actor, String action, String detail) {
        return new HistoryEntry(Instant.now(), actor.username(), action, detail, actor.remoteAddress());
    }
}
