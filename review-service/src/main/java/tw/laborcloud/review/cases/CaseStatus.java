package tw.laborcloud.review.cases;

/** Where a case stands in the bureau's queue, with the label officers see. */
public enum CaseStatus {
    /** The verification arrived before the registration data (events may come in any order). */
    AWAITING_REGISTRATION("等待申請資料"),
    /** The documents of the current round are still being checked by the document service. */
    AWAITING_DOCUMENTS("文件檢核中"),
    READY_FOR_REVIEW("待審查"),
    /** A reviewer (承辦人) proposed a decision; a supervisor (主管) has to sign it off. */
    AWAITING_SIGN_OFF("待主管核定"),
    /** Returned to the applicant for replacement documents. */
    AWAITING_SUPPLEMENTS("退回補正中"),
    APPROVED("核准"),
    REJECTED("駁回");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
