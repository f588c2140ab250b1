package tw.laborcloud.registration.registration;

/** The steps an applicant sees, with their zh-TW labels. */
public enum ApplicationStatus {
    RECEIVED("已收件"),
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
