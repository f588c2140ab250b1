package tw.laborcloud.registration.registration;

/**
 * The steps an applicant sees, with their zh-TW labels. A supplement request (退回補件) is
 * answered by new documents, which start a new round of the document check: the application
 * is then SUPPLEMENTS_RECEIVED until that round is verified (UNDER_REVIEW again), and may be
 * returned again (round 3, ...). RECEIVED stays "the registration's own documents, not yet
 * checked", so the applicant can tell that the bureau has the replacements.
 */
public enum ApplicationStatus {
    RECEIVED("已收件"),
    /** Replacements for a supplement request arrived; the new document set is being checked. */
    SUPPLEMENTS_RECEIVED("已收到補正文件，文件檢核中"),
    UNDER_REVIEW("文件已檢核，審查中"),
    RETURNED_FOR_SUPPLEMENTS("退回補件"),
    APPROVED("審核通過，帳號開通中"),
    REJECTED("未通過"),
    ACCOUNT_ACTIVATED("帳號已開通");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
