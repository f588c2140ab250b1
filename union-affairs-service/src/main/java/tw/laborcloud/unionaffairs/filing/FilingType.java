package tw.laborcloud.unionaffairs.filing;

import static tw.laborcloud.events.registration.DocumentKinds.ADDRESS_PROOF;
import static tw.laborcloud.events.registration.DocumentKinds.AMENDED_CHARTER;
import static tw.laborcloud.events.registration.DocumentKinds.AMENDMENT_COMPARISON;
import static tw.laborcloud.events.registration.DocumentKinds.AUDIT_REPORT;
import static tw.laborcloud.events.registration.DocumentKinds.AUDIT_TEAM_ROSTER;
import static tw.laborcloud.events.registration.DocumentKinds.BOARD_RESOLUTION;
import static tw.laborcloud.events.registration.DocumentKinds.BUDGET;
import static tw.laborcloud.events.registration.DocumentKinds.DEPARTED_MEMBER_ROSTER;
import static tw.laborcloud.events.registration.DocumentKinds.ELECTION_MINUTES;
import static tw.laborcloud.events.registration.DocumentKinds.MEETING_MINUTES;
import static tw.laborcloud.events.registration.DocumentKinds.MEMBER_ROSTER;
import static tw.laborcloud.events.registration.DocumentKinds.SIGN_IN_SHEET;
import static tw.laborcloud.events.registration.DocumentKinds.WORK_PLAN;
import static tw.laborcloud.unionaffairs.filing.FieldSpec.number;
import static tw.laborcloud.unionaffairs.filing.FieldSpec.pastDate;
import static tw.laborcloud.unionaffairs.filing.FieldSpec.text;
import static tw.laborcloud.unionaffairs.filing.FieldSpec.year;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.unionaffairs.filing.FieldSpec.Choice;
import tw.laborcloud.unionaffairs.filing.FieldSpec.Kind;

/**
 * What a union files with the city under the Labor Union Act (工會會務申請或備查): each type's
 * form, attachments and deadline. The rules beyond a field's own ({@link FilingRules}) and
 * the change an accepted filing makes to the profile ({@link ProfileEffects}) go by type.
 */
public enum FilingType {

    GENERAL_MEETING_MINUTES("會員(代表)大會紀錄備查", "會員大會或會員代表大會開會後，檢送會議紀錄備查。",
            List.of(FieldSpec.choice("meetingKind", "會議類別",
                            List.of(new Choice("MEMBERS", "會員大會"), new Choice("REPRESENTATIVES", "會員代表大會")),
                            "請選擇召開的是會員大會或會員代表大會"),
                    pastDate("meetingDate", "開會日期", "不可晚於今天"),
                    number("attendees", "出席人數", 1, "至少 1 人"),
                    text("resolutions", "決議事項", 2000, "條列主要決議，最多 2000 字")),
            List.of(Attachment.required(MEETING_MINUTES), Attachment.optional(SIGN_IN_SHEET)), null),

    OFFICER_ROSTER("理監事名冊備查", "理事、監事選出後，於選出之日起 30 日內檢送名冊備查。",
            List.of(pastDate("electionDate", "選舉日期", "不可晚於今天；名冊應於選出之日起 30 日內報備"),
                    FieldSpec.of("directors", "理事", Kind.NAMES, "逐一填寫姓名與性別，至少一位"),
                    FieldSpec.of("supervisors", "監事", Kind.NAMES, "逐一填寫姓名與性別，至少一位")),
            List.of(Attachment.required(DocumentKinds.OFFICER_ROSTER), Attachment.required(ELECTION_MINUTES)),
            "選出之日起 30 日內（期限＝選舉日期加 30 日）"),

    CHARTER_AMENDMENT("章程修正備查", "會員(代表)大會通過章程修正後，檢送修正後章程、修正條文對照表及會議紀錄備查。",
            List.of(pastDate("meetingDate", "通過修正之會議日期", "不可晚於今天"),
                    text("summary", "修正要旨", 2000, "簡述修正的條文與理由，最多 2000 字")),
            List.of(Attachment.required(AMENDED_CHARTER), Attachment.required(AMENDMENT_COMPARISON),
                    Attachment.required(MEETING_MINUTES)), null),

    ADDRESS_CHANGE("會址變更", "工會會址遷移（限新北市內），檢送理事會決議紀錄申請變更。",
            List.of(FieldSpec.of("newAddress", "新會址", Kind.ADDRESS, "新北市行政區及街道門牌；須與目前會址不同"),
                    FieldSpec.date("effectiveOn", "遷移生效日期", "新會址開始使用的日期"),
                    pastDate("meetingDate", "理事會決議日期", "不可晚於今天")),
            List.of(Attachment.required(BOARD_RESOLUTION), Attachment.optional(ADDRESS_PROOF)), null),

    REPRESENTATIVE_CHANGE("負責人變更", "理事長（負責人）改選或改推後，申請負責人變更。",
            List.of(text("newRepresentative", "新負責人姓名", 50, "須與目前負責人不同"),
                    pastDate("electedOn", "選出日期", "不可晚於今天")),
            List.of(Attachment.required(ELECTION_MINUTES), Attachment.optional(DocumentKinds.OFFICER_ROSTER)), null),

    WORK_PLAN_BUDGET("年度工作計畫及預算備查", "檢送年度工作計畫及預算書備查。",
            List.of(year("year", "年度", "今年或明年（西元年）"),
                    number("budgetTotal", "預算總額（新臺幣元）", 0, "整數，不可為負數")),
            List.of(Attachment.required(WORK_PLAN), Attachment.required(BUDGET)), null),

    FINAL_ACCOUNTS("年度決算備查", "檢送已結束年度的決算書表備查。",
            List.of(year("year", "決算年度", "今年以前的年度（西元年）"),
                    number("income", "收入總額（新臺幣元）", 0, "整數，不可為負數"),
                    number("expenditure", "支出總額（新臺幣元）", 0, "整數，不可為負數")),
            List.of(Attachment.required(DocumentKinds.FINAL_ACCOUNTS)), null),

    MEMBERSHIP_AUDIT("年度會員會籍總清查", "每年 12 月底前完成會員會籍總清查，完成後 15 日內檢送清查結果備查。",
            List.of(year("auditYear", "清查年度", "西元年，不可晚於今年"),
                    pastDate("completedOn", "清查完成日期", "須在清查年度內，且不可晚於今天"),
                    FieldSpec.of("members", "清查後會員人數", Kind.COUNTS, "男、女人數，合計至少 1 人"),
                    number("departed", "出會人數", 0, "整數，不可為負數")),
            List.of(Attachment.required(AUDIT_TEAM_ROSTER), Attachment.required(MEMBER_ROSTER),
                    Attachment.required(DEPARTED_MEMBER_ROSTER), Attachment.required(AUDIT_REPORT)),
            "清查完成後 15 日內，且最遲於次年 1 月 15 日（取較早者）"),

    DISSOLUTION("解散", "經會員(代表)大會決議解散者，申請解散備查；備查後工會資料改為已解散，帳號停用。",
            List.of(pastDate("resolutionDate", "解散決議日期", "不可晚於今天"),
                    text("reason", "解散原因", 2000, "最多 2000 字")),
            List.of(Attachment.required(MEETING_MINUTES)), null);

    private final String label;
    private final String description;
    private final List<FieldSpec> fields;
    private final List<Attachment> attachments;
    private final String deadline;

    FilingType(String label, String description, List<FieldSpec> fields, List<Attachment> attachments,
            String deadline) {
        this.label = label;
        this.description = description;
        this.fields = fields;
        this.attachments = attachments;
        this.deadline = deadline;
    }

    /** The type of this name exactly as the API spells it. */
    public static Optional<FilingType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    List<FieldSpec> fields() {
        return fields;
    }

    Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    List<Attachment> attachments() {
        return attachments;
    }

    boolean allowsAttachment(String kind) {
        return attachments.stream().anyMatch(a -> a.kind().equals(kind));
    }

    /** The deadline rule in words, or null when the type has none. */
    public String deadline() {
        return deadline;
    }

    /** An attachment the type asks for; PDF only is the document service's rule for its kind. */
    record Attachment(String kind, String label, boolean required, boolean pdfOnly) {

        static Attachment required(String kind) {
            return new Attachment(kind, DocumentKinds.label(kind), true, AMENDED_CHARTER.equals(kind));
        }

        static Attachment optional(String kind) {
            return new Attachment(kind, DocumentKinds.label(kind), false, AMENDED_CHARTER.equals(kind));
        }
    }
}
