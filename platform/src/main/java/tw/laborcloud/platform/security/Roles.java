package tw.laborcloud.platform.security;

/** The realm roles of the system (Keycloak realm {@code laborcloud}). */
public final class Roles {

    /** A registered, activated union (its user name is its certificate number). */
    public static final String UNION = "union";
    /** A bureau clerk (承辦人) who checks cases and proposes decisions. */
    public static final String REVIEWER = "reviewer";
    /** A bureau supervisor (主管) who signs decisions off. */
    public static final String APPROVER = "approver";
    /** Operations staff. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
