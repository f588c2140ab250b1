package tw.laborcloud.review.cases;

/** Where a case stands in the bureau's queue. */
public enum CaseStatus {
    /** The verification arrived before the registration data (events may come in any order). */
    AWAITING_REGISTRATION,
    AWAITING_DOCUMENTS,
    READY_FOR_REVIEW,
    APPROVED,
    REJECTED
}
