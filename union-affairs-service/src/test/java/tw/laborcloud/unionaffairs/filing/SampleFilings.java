package tw.laborcloud.unionaffairs.filing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tw.laborcloud.platform.uploads.TestUploadTickets;

/**
 * A valid filing of each type for a union made from {@code TestUnions.details()} (40 members,
 * 板橋區文化路一段100號, 王大明), with today = {@link #TODAY} in Taipei; the correction made
 * after a return; one label/value pair the event must carry; what the profile shows after
 * acceptance (JSON path -> value).
 */
record SampleFilings(FilingType type, Map<String, Object> form, Map<String, Object> correction,
        List<String> attachmentKinds, String shownLabel, String shownValue, Map<String, Object> profileAfter) {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    SampleFilings {
        form = java.util.Collections.unmodifiableMap(form);
    }

    static SampleFilings of(FilingType type) {
        return switch (type) {
            case GENERAL_MEETING_MINUTES -> new SampleFilings(type,
                    form("meetingKind", "MEMBERS", "meetingDate", "2026-11-10", "attendees", 30, "resolutions",
                            "通過 2027 年度工作計畫"),
                    form("attendees", 32), List.of("MEETING_MINUTES", "SIGN_IN_SHEET"), "會議類別", "會員大會", Map.of());
            case OFFICER_ROSTER -> new SampleFilings(type,
                    form("electionDate", "2026-11-05", "directors", List.of(person("張一", "M"), person("李二", "M"),
                            person("王三", "F")), "supervisors", List.of(person("趙四", "M"))),
                    form("supervisors", List.of(person("趙四", "F"))), List.of("OFFICER_ROSTER", "ELECTION_MINUTES"),
                    "理事", "張一（男）、李二（男）、王三（女）",
                    Map.of("$.directors.male", 2, "$.directors.female", 1, "$.directors.total", 3,
                            "$.supervisors.male", 0, "$.supervisors.female", 1, "$.supervisors.total", 1));
            case CHARTER_AMENDMENT -> new SampleFilings(type,
                    form("meetingDate", "2026-11-10", "summary", "修正第 5 條會員資格"),
                    form("summary", "修正第 5 條會員資格及第 12 條理事名額"),
                    List.of("AMENDED_CHARTER", "AMENDMENT_COMPARISON", "MEETING_MINUTES"), "修正要旨",
                    "修正第 5 條會員資格及第 12 條理事名額", Map.of());
            case ADDRESS_CHANGE -> new SampleFilings(type,
                    form("newAddress", Map.of("district", "新莊區", "street", "中正路 500 號"), "effectiveOn",
                            "2026-12-01", "meetingDate", "2026-11-12"),
                    form("newAddress", Map.of("district", "新莊區", "street", "中正路 500 號 3 樓")),
                    List.of("BOARD_RESOLUTION", "ADDRESS_PROOF"), "新會址", "242 新北市新莊區中正路 500 號 3 樓",
                    Map.of("$.address.postalCode", "242", "$.address.city", "新北市", "$.address.district", "新莊區",
                            "$.address.street", "中正路 500 號 3 樓"));
            case REPRESENTATIVE_CHANGE -> new SampleFilings(type,
                    form("newRepresentative", "陳美鈴", "electedOn", "2026-11-15"),
                    form("newRepresentative", "陳美玲"), List.of("ELECTION_MINUTES"), "新負責人姓名", "陳美玲",
                    Map.of("$.representative", "陳美玲"));
            case WORK_PLAN_BUDGET -> new SampleFilings(type, form("year", 2027, "budgetTotal", 1_200_000),
                    form("budgetTotal", 1_250_000), List.of("WORK_PLAN", "BUDGET"), "預算總額（新臺幣元）",
                    "新臺幣 1,250,000 元", Map.of());
            case FINAL_ACCOUNTS -> new SampleFilings(type,
                    form("year", 2025, "income", 900_000, "expenditure", 850_000), form("expenditure", 860_000),
                    List.of("FINAL_ACCOUNTS"), "決算年度", "2025", Map.of());
            case MEMBERSHIP_AUDIT -> new SampleFilings(type,
                    form("auditYear", 2026, "completedOn", "2026-11-15", "members", Map.of("male", 20, "female", 24),
                            "departed", 2),
                    form("members", Map.of("male", 20, "female", 25)),
                    List.of("AUDIT_TEAM_ROSTER", "MEMBER_ROSTER", "DEPARTED_MEMBER_ROSTER", "AUDIT_REPORT"),
                    "清查後會員人數", "男 20 人、女 25 人，合計 45 人",
                    Map.of("$.members.male", 20, "$.members.female", 25, "$.members.total", 45));
            case DISSOLUTION -> new SampleFilings(type,
                    form("resolutionDate", "2026-11-18", "reason", "會員人數不足"),
                    form("reason", "會員人數不足，經會員大會決議解散"), List.of("MEETING_MINUTES"), "解散原因",
                    "會員人數不足，經會員大會決議解散",
                    Map.of("$.status", "DISSOLVED", "$.statusLabel", "已解散", "$.dissolvedOn", "2026-11-18"));
        };
    }

    static List<SampleFilings> all() {
        return Arrays.stream(FilingType.values()).map(SampleFilings::of).toList();
    }

    Map<String, Object> corrected() {
        Map<String, Object> corrected = new LinkedHashMap<>(form);
        corrected.putAll(correction);
        return corrected;
    }

    /** Fresh uploads of the attachment kinds, as references without tickets (for the rules alone). */
    List<AttachmentRef> attachments() {
        return attachmentKinds.stream().map(kind -> new AttachmentRef(kind, UUID.randomUUID().toString(), null))
                .toList();
    }

    /** Fresh uploads of the attachment kinds made with the union's token, with their tickets, as its page sends them. */
    List<AttachmentRef> attachments(String unionId) {
        return attachmentKinds.stream().map(kind -> attachment(kind, unionId)).toList();
    }

    static AttachmentRef attachment(String kind, String unionId) {
        String uploadId = UUID.randomUUID().toString();
        return new AttachmentRef(kind, uploadId, TestUploadTickets.ticket(uploadId, kind, unionId));
    }

    static Map<String, Object> person(String name, String gender) {
        return Map.of("name", name, "gender", gender);
    }

    static Map<String, Object> form(Object... pairs) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Override
    public String toString() {
        return type.name();
    }
}
