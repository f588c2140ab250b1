package tw.laborcloud.document.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The documents an application carries (the kind strings of the events and the API),
 * each with the content types it accepts and its size limit: the registration's documents,
 * then the attachments of union-affairs filings (labels as in the events' DocumentKinds).
 */
public enum DocumentKind {

    /** 章程: a text document, so PDF only. */
    CHARTER("章程", ContentTypes.PDF),
    /** 附件一 立案證書 */
    CERTIFICATE_SCAN("立案證書", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 附件二 圖記 */
    UNION_SEAL("工會圖記", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 附件三 負責人章 */
    REPRESENTATIVE_SEAL("負責人章", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 完成性騷擾防治措施佐證資料 */
    HARASSMENT_EVIDENCE("性騷擾防治措施佐證資料", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),

    MEETING_MINUTES("會議紀錄", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    SIGN_IN_SHEET("簽到簿", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    OFFICER_ROSTER("理監事名冊", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    ELECTION_MINUTES("選舉會議紀錄", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    /** 修正後章程: a text document like the charter, so PDF only. */
    AMENDED_CHARTER("修正後章程", ContentTypes.PDF),
    AMENDMENT_COMPARISON("修正條文對照表", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    BOARD_RESOLUTION("理事會決議紀錄", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    ADDRESS_PROOF("會址證明文件", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    WORK_PLAN("年度工作計畫", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    BUDGET("年度預算書", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    FINAL_ACCOUNTS("年度決算書表", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    AUDIT_TEAM_ROSTER("會籍清查小組名冊", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    MEMBER_ROSTER("會員名冊", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    DEPARTED_MEMBER_ROSTER("出會會員名冊", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP),
    AUDIT_REPORT("會籍總清查報告表", ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.BMP);

    /** The form's rule for every attachment: at most 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final String label;
    private final List<String> allowedTypes;

    DocumentKind(String label, String... allowedTypes) {
        this.label = label;
        this.allowedTypes = List.of(allowedTypes);
    }

    /** The kind of this name, exactly as the API spells it; empty for anything else. */
    public static Optional<DocumentKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** The name shown to people (zh-TW). */
    public String label() {
        return label;
    }

    public List<String> allowedTypes() {
        return allowedTypes;
    }

    /** Whether content of this (normalised) type may be filed as this kind. */
    public boolean allows(String contentType) {
        return allowedTypes.contains(ContentTypes.normalise(contentType));
    }

    public long maxBytes() {
        return MAX_BYTES;
    }

    /** "PDF（application/pdf）、JPG（image/jpeg）..." for messages. */
    public String describeAllowedTypes() {
        return allowedTypes.stream().map(ContentTypes::describe).collect(Collectors.joining("、"));
    }
}
