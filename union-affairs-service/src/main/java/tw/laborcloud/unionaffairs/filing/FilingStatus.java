package tw.laborcloud.unionaffairs.filing;

public enum FilingStatus {
    DRAFT("草稿"),
    SUBMITTED("已送出，審查中"),
    RETURNED("退回補正"),
    ACCEPTED("已備查");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the union may still change the form (and submit it). */
    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
