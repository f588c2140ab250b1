package tw.laborcloud.events.registration;

import java.time.LocalDate;

/**
 * Everything the registration form says about the union besides the account, the union
 * name and the contact e-mail (which the events carry at top level). Never the password.
 * Optional fields are null when the applicant left them empty.
 */
public record UnionDetails(
        String unionType,
        String unionTaxId,
        String representative,
        String industry,
        Address address,
        Address mailingAddress,
        LocalDate foundedOn,
        Counts members,
        Counts memberRepresentatives,
        Counts directors,
        Counts supervisors,
        Integer memberUnions,
        String contactName,
        String contactPhone,
        String fax,
        String backupEmail,
        Boolean harassmentPreventionDone,
        Boolean genderOneThirdRule,
        Boolean joinedHigherUnion) {

    /** A New Taipei City address: postal code from the district, the city fixed. */
    public record Address(String postalCode, String city, String district, String street) {
    }

    /** Men, women and their total (computed: total = male + female). */
    public record Counts(int male, int female, int total) {
    }
}
