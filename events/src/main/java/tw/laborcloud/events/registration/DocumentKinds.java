package tw.laborcloud.events.registration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document kinds the events name ({@code SubmittedDocument.kind}, supplement requests),
 * with the label the form, the officers and the e-mails show. Part of the contract: a new
 * kind is added here, never renamed. The registration's kinds and the attachments of
 * union-affairs filings are kept apart, so that a supplement request of a registration can
 * only name a registration document ({@link #known}).
 */
public final class DocumentKinds {

    public static final String CHARTER = "CHARTER";
    public static final String CERTIFICATE_SCAN = "CERTIFICATE_SCAN";
    public static final String UNION_SEAL = "UNION_SEAL";
    public static final String REPRESENTATIVE_SEAL = "REPRESENTATIVE_SEAL";
    public static final String HARASSMENT_EVIDENCE = "HARASSMENT_EVIDENCE";

    // attachments of union-affairs filings (FilingSubmitted.attachments); all PDF, JPG or BMP but the amended charter
    public static final String MEETING_MINUTES = "MEETING_MINUTES";
    public static final String SIGN_IN_SHEET = "SIGN_IN_SHEET";
    public static final String OFFICER_ROSTER = "OFFICER_ROSTER";
    public static final String ELECTION_MINUTES = "ELECTION_MINUTES";
    /** PDF only, like the charter. */
    public static final String AMENDED_CHARTER = "AMENDED_CHARTER";
    public static final String AMENDMENT_COMPARISON = "AMENDMENT_COMPARISON";
    public static final String BOARD_RESOLUTION = "BOARD_RESOLUTION";
    public static final String ADDRESS_PROOF = "ADDRESS_PROOF";
    public static final String WORK_PLAN = "WORK_PLAN";
    public static final String BUDGET = "BUDGET";
    public static final String FINAL_ACCOUNTS = "FINAL_ACCOUNTS";
    public static final String AUDIT_TEAM_ROSTER = "AUDIT_TEAM_ROSTER";
    public static final String MEMBER_ROSTER = "MEMBER_ROSTER";
    public static final String DEPARTED_MEMBER_ROSTER = "DEPARTED_MEMBER_ROSTER";
    public static final String AUDIT_REPORT = "AUDIT_REPORT";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, String> FILING_LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(CHARTER, "章程");
        LABELS.put(CERTIFICATE_SCAN, "附件一 立案證書");
        LABELS.put(UNION_SEAL, "附件二 圖記");
        LABELS.put(REPRESENTATIVE_SEAL, "附件三 負責人章");
        LABELS.put(HARASSMENT_EVIDENCE, "完成性騷擾防治措施佐證資料");

        FILING_LABELS.put(MEETING_MINUTES, "會議紀錄");
        FILING_LABELS.put(SIGN_IN_SHEET, "簽到簿");
        FILING_LABELS.put(OFFICER_ROSTER, "理監事名冊");
        FILING_LABELS.put(ELECTION_MINUTES, "選舉會議紀錄");
        FILING_LABELS.put(AMENDED_CHARTER, "修正後章程");
        FILING_LABELS.put(AMENDMENT_COMPARISON, "修正條文對照表");
        FILING_LABELS.put(BOARD_RESOLUTION, "理事會決議紀錄");
        FILING_LABELS.put(ADDRESS_PROOF, "會址證明文件");
        FILING_LABELS.put(WORK_PLAN, "年度工作計畫");
        FILING_LABELS.put(BUDGET, "年度預算書");
        FILING_LABELS.put(FINAL_ACCOUNTS, "年度決算書表");
        FILING_LABELS.put(AUDIT_TEAM_ROSTER, "會籍清查小組名冊");
        FILING_LABELS.put(MEMBER_ROSTER, "會員名冊");
        FILING_LABELS.put(DEPARTED_MEMBER_ROSTER, "出會會員名冊");
        FILING_LABELS.put(AUDIT_REPORT, "會籍總清查報告表");
    }

    private DocumentKinds() {
    }

    /** A document of the registration (not a filing attachment). */
    public static boolean known(String kind) {
        return LABELS.containsKey(kind);
    }

    /** An attachment kind of union-affairs filings. */
    public static boolean knownFilingAttachment(String kind) {
        return FILING_LABELS.containsKey(kind);
    }

    /** The zh-TW label of a registration document or a filing attachment, or the code itself for an unknown kind. */
    public static String label(String kind) {
        return Optional.ofNullable(kind).map(k -> LABELS.getOrDefault(k, FILING_LABELS.get(k))).orElse(kind);
    }

    /** The registration's documents. */
    public static Map<String, String> labels() {
        return Collections.unmodifiableMap(LABELS);
    }

    /** The attachments of union-affairs filings. */
    public static Map<String, String> filingAttachmentLabels() {
        return Collections.unmodifiableMap(FILING_LABELS);
    }
}
