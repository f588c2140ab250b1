package tw.laborcloud.review.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/** The audit trail as CSV (UTF-8 with BOM, so that Excel opens the Chinese text). */
@Tag(name = "稽核", description = "審查人員操作之稽核紀錄")
@RestController
class AuditController {

    static final int MAX_ROWS = 50_000;
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @param from    first day (Taipei time, inclusive), optional
     * @param to      last day (inclusive), optional
     * @param subject an application id or certificate number, optional
     */
    @Operation(summary = "匯出稽核紀錄", description = "指定期間之稽核紀錄，CSV（UTF-8，含 BOM）。限主管。")
    @GetMapping("/api/review/audit.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String subject,
            Authentication who, HttpServletRequest request) {
        Instant start = day(from, "from");
        Instant end = to == null || to.isBlank() ? null : day(to, "to").plusSeconds(24 * 3600);
        List<AuditEntry> entries = audit.between(start, end, subject, MAX_ROWS);
        // the export itself is a view of personal data: it goes into the trail before it leaves
        audit.record(Actor.of(who, request), "EXPORT_AUDIT", subject,
                "from=" + from + " to=" + to + " rows=" + entries.size(), AuditTrail.DONE);
        StringBuilder csv = new StringBuilder("\uFEFF時間,帳號,角色,動作,對象,內容,結果,來源位址\r\n");
        for (AuditEntry e : entries) {
            csv.append(String.join(",", cell(e.at().atZone(TAIPEI).toOffsetDateTime().toString()), cell(e.actor()),
                    cell(e.roles()), cell(e.action()), cell(e.subject()), cell(e.detail()), cell(e.outcome()),
                    cell(e.remoteAddress()))).append("\r\n");
        }
        String name = "audit-" + (subject == null || subject.isBlank() ? "all" : subject.replaceAll("[^A-Za-z0-9-]", ""))
                + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .cacheControl(CacheControl.noStore())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant day(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(TAIPEI).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(List.of(new FieldViolation(field, "INVALID_DATE", "日期格式為 yyyy-MM-dd")));
        }
    }

    /** Quotes every cell and defuses formulas: a union name starting with = must not run in Excel. */
    static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
