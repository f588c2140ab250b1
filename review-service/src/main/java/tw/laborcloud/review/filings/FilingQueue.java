package tw.laborcloud.review.filings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/** The officers' queue of union-affairs filings: filter by status, search, sort, page. */
@Service
public class FilingQueue {

    private static final int MAX_PAGE_SIZE = 100;

    private final FilingCases filings;
    private final Clock clock = Clock.systemUTC();

    FilingQueue(FilingCases filings) {
        this.filings = filings;
    }

    public record Line(String filingId, String unionId, String certificateNo, String unionName, String filingType,
            String filingTypeLabel, int round, FilingCase.Status status, String statusLabel, Instant submittedAt,
            long ageDays, LocalDate dueBy, boolean overdue, String proposedBy, String proposal) {

        static Line of(FilingCase f, Instant now) {
            return new Line(f.filingId(), f.unionId(), f.certificateNo(), f.unionName(), f.filingType(),
                    f.filingTypeLabel(), f.roundOrFirst(), f.status(), f.status().label(), f.submittedAt(),
                    f.submittedAt() == null ? 0 : Duration.between(f.submittedAt(), now).toDays(), f.dueBy(),
                    Boolean.TRUE.equals(f.overdue()), f.proposal() == null ? null : f.proposal().proposedBy(),
                    f.proposal() == null ? null : f.proposal().outcome().label());
        }
    }

    public record Counts(long readyForReview, long awaitingSignOff) {
    }

    public record Page(List<Line> items, long total, int page, int size, Counts counts) {
    }

    /**
     * @param status OPEN (default: waiting for an officer), ALL, or one {@link FilingCase.Status}
     * @param sort   age (oldest first), name, type or status
     */
    public Page page(String status, String text, String sort, String direction, int page, int size) {
        List<FieldViolation> errors = new ArrayList<>();
        String filter = status == null || status.isBlank() ? "OPEN" : status.toUpperCase(Locale.ROOT);
        FilingCase.Status only = null;
        if (!filter.equals("OPEN") && !filter.equals("ALL")) {
            try {
                only = FilingCase.Status.valueOf(filter);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("status", "UNKNOWN_STATUS", "沒有這個案件狀態：" + status));
            }
        }
        Comparator<Line> bySubmission = Comparator.comparing(Line::submittedAt,
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Line> order = switch (sort == null || sort.isBlank() ? "age" : sort) {
            case "age" -> bySubmission;
            case "name" -> Comparator.comparing(Line::unionName, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(bySubmission);
            case "type" -> Comparator.comparing(Line::filingType, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(bySubmission);
            case "status" -> Comparator.comparing(Line::status).thenComparing(bySubmission);
            default -> {
                errors.add(new FieldViolation("sort", "UNKNOWN_SORT", "可依 age、name、type 或 status 排序"));
                yield bySubmission;
            }
        };
        if (page < 0) {
            errors.add(new FieldViolation("page", "OUT_OF_RANGE", "頁碼從 0 起算"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldViolation("size", "OUT_OF_RANGE", "每頁 1 至 " + MAX_PAGE_SIZE + " 筆"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Instant now = clock.instant();
        List<FilingCase> all = filings.all();
        FilingCase.Status wanted = only;
        boolean openOnly = filter.equals("OPEN");
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Line> lines = all.stream()
                .filter(f -> openOnly ? f.open() : wanted == null || f.status() == wanted)
                .filter(f -> needle.isEmpty() || contains(f.unionName(), needle) || contains(f.certificateNo(), needle)
                        || contains(f.filingId(), needle) || contains(f.filingTypeLabel(), needle))
                .map(f -> Line.of(f, now))
                .sorted("desc".equalsIgnoreCase(direction) ? order.reversed() : order)
                .toList();
        return new Page(lines.stream().skip((long) page * size).limit(size).toList(), lines.size(), page, size,
                counts(all));
    }

    public Counts counts() {
        return counts(filings.all());
    }

    private static Counts counts(List<FilingCase> all) {
        return new Counts(all.stream().filter(f -> f.status() == FilingCase.Status.READY_FOR_REVIEW).count(),
                all.stream().filter(f -> f.status() == FilingCase.Status.AWAITING_SIGN_OFF).count());
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
