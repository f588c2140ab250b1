package tw.laborcloud.review.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/** The officers' queue: filter by status, search by name or number, sort, page. */
@Service
public class CaseQueue {

    static final int MAX_PAGE_SIZE = 100;

    private final Cases cases;
    private final Clock clock = Clock.systemUTC();

    CaseQueue(Cases cases) {
        this.cases = cases;
    }

    /** One line of the queue. */
    public record Line(String applicationId, String certificateNo, String unionName, CaseStatus status,
            String statusLabel, String verdict, boolean contactEmailConfirmed, Instant submittedAt, long ageDays,
            String proposedBy, String proposal) {

        static Line of(ReviewCase c, Instant now) {
            return new Line(c.applicationId(), c.certificateNo(), c.unionName(), c.status(), c.status().label(),
                    c.verification() == null ? null : c.verification().verdict().name(),
                    c.contactEmailConfirmedAt() != null, c.submittedAt(),
                    c.submittedAt() == null ? 0 : Duration.between(c.submittedAt(), now).toDays(),
                    c.proposal() == null ? null : c.proposal().proposedBy(),
                    c.proposal() == null ? null : c.proposal().outcome().label());
        }
    }

    public record Page(List<Line> items, long total, int page, int size, Counts counts) {
    }

    /** How many open cases wait in each status (for the filter's labels and the notices). */
    public record Counts(long readyForReview, long awaitingSignOff, long awaitingDocuments, long awaitingSupplements) {
    }

    /**
     * @param status OPEN (default: every undecided case), ALL, or one {@link CaseStatus}
     * @param sort   age (oldest first by default), name, certificateNo or status
     */
    public Page page(String status, String text, String sort, String direction, int page, int size) {
        Query query = Query.of(status, text, sort, direction, page, size);
        Instant now = clock.instant();
        return page(cases.all(query.decidedToo()), query, now);
    }

    /**
     * A validated queue request. {@link #decidedToo()} tells which cases to load: the
     * decided ones only when the filter asks for them.
     */
    public record Query(CaseStatus only, boolean decidedToo, String needle, Comparator<Line> order, int page,
            int size) {

        /** @throws ApiException with every invalid parameter */
        public static Query of(String status, String text, String sort, String direction, int page, int size) {
            List<FieldViolation> errors = new java.util.ArrayList<>();
            String filter = status == null || status.isBlank() ? "OPEN" : status.toUpperCase(Locale.ROOT);
            CaseStatus only = null;
            if (!filter.equals("OPEN") && !filter.equals("ALL")) {
                try {
                    only = CaseStatus.valueOf(filter);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldViolation("status", "UNKNOWN_STATUS", "沒有這個案件狀態：" + status));
                }
            }
            Comparator<Line> order = CaseQueue.order(sort, errors);
            boolean descending = "desc".equalsIgnoreCase(direction);
            if (page < 0) {
                errors.add(new FieldViolation("page", "OUT_OF_RANGE", "頁碼從 0 起算"));
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                errors.add(new FieldViolation("size", "OUT_OF_RANGE", "每頁 1 至 " + MAX_PAGE_SIZE + " 筆"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            boolean decidedToo = filter.equals("ALL") || only == CaseStatus.APPROVED || only == CaseStatus.REJECTED;
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return new Query(only, decidedToo, needle, descending ? order.reversed() : order, page, size);
        }
    }

    /**
     * The in-memory part of the queue, a pure function of the loaded cases (the benchmarks
     * measure it): filter, search, sort, page and the per-status counts.
     *
     * @param all the cases {@code query} asks for: every case with registration data, decided
     *            ones too when {@link Query#decidedToo()}
     */
    public static Page page(List<ReviewCase> all, Query query, Instant now) {
        Counts counts = counts(query.decidedToo() ? all.stream().filter(c -> c.decision() == null).toList() : all);
        CaseStatus wanted = query.only();
        String needle = query.needle();
        Stream<Line> lines = all.stream()
                .filter(c -> wanted == null || c.status() == wanted)
                .filter(c -> needle.isEmpty() || contains(c.unionName(), needle) || contains(c.certificateNo(), needle)
                        || contains(c.applicationId(), needle))
                .map(c -> Line.of(c, now));
        List<Line> sorted = lines.sorted(query.order()).toList();
        int page = query.page();
        int size = query.size();
        List<Line> items = sorted.stream().skip((long) page * size).limit(size).toList();
        return new Page(items, sorted.size(), page, size, counts);
    }

    public Counts counts() {
        return counts(cases.all(false));
    }

    private static Counts counts(List<ReviewCase> open) {
        return new Counts(count(open, CaseStatus.READY_FOR_REVIEW), count(open, CaseStatus.AWAITING_SIGN_OFF),
                count(open, CaseStatus.AWAITING_DOCUMENTS), count(open, CaseStatus.AWAITING_SUPPLEMENTS));
    }

    private static long count(List<ReviewCase> cases, CaseStatus status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Comparator<Line> order(String sort, List<FieldViolation> errors) {
        Comparator<Line> bySubmission = Comparator.comparing(Line::submittedAt,
                Comparator.nullsLast(Comparator.naturalOrder()));
        if (sort == null || sort.isBlank() || sort.equals("age")) {
            return bySubmission;
        }
        return switch (sort) {
            case "name" -> Comparator.comparing(Line::unionName, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(bySubmission);
            case "certificateNo" -> Comparator.comparing(Line::certificateNo,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case "status" -> Comparator.comparing(Line::status).thenComparing(bySubmission);
            default -> {
                errors.add(new FieldViolation("sort", "UNKNOWN_SORT", "可依 age、name、certificateNo 或 status 排序"));
                yield bySubmission;
            }
        };
    }
}
