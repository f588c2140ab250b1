package tw.laborcloud.events.document;

import java.util.List;

/**
 * What the document service read on the registration certificate (立案證書) a union uploaded,
 * and how it compares with the form. An aid for the officer, who decides: the reading says
 * how sure it is ({@code confidence}) and where on the page each value was found.
 *
 * @param outcome     READ when the page was read (some values may still be unreadable), NOT_READ otherwise
 * @param notRead     why not read: {@code READER_UNAVAILABLE} (no text recognition on the server),
 *                    {@code TIMED_OUT}, {@code NOT_RENDERED} (the file could not be drawn), {@code FAILED}; null when read
 * @param number      the certificate number (字號) as read, digits only
 * @param unionName   the union's name as read
 * @param issuer      the issuing authority as read (e.g. 新北市政府)
 * @param issuedOn    the date as printed (ROC calendar, e.g. 中華民國113年5月6日)
 * @param issuedOnIso the same date in ISO form (2024-05-06), null when unreadable
 * @param numberMatch the number against the form's account: EQUAL, DIFFERENT or UNREADABLE
 * @param nameMatch   the name against the form's: EQUAL (after the register's normalisation), SIMILAR (a
 *                    few characters apart, listed in {@code nameDifferences}), DIFFERENT or UNREADABLE
 * @param nameDifferences the characters that differ, each as "read→form" (e.g. "誠→試"); "−x" / "+x" for a
 *                    character only in the reading / only in the form
 * @param issuerMatch EQUAL when the issuer is the city's government ({@link #CITY}), DIFFERENT for another
 *                    authority, UNREADABLE
 * @param confidence  the recogniser's mean confidence over the page's words, 0–100
 * @param millis      how long the reading took
 */
public record CertificateReading(
        Outcome outcome,
        String notRead,
        ReadText number,
        ReadText unionName,
        ReadText issuer,
        ReadText issuedOn,
        String issuedOnIso,
        Match numberMatch,
        Match nameMatch,
        List<String> nameDifferences,
        Match issuerMatch,
        int confidence,
        long millis) {

    /** The authority that issues the certificates this portal accepts. */
    public static final String CITY = "新北市政府";

    public CertificateReading {
        nameDifferences = nameDifferences == null ? List.of() : List.copyOf(nameDifferences);
    }

    /** A certificate that was not read, and why. */
    public static CertificateReading notRead(String why, long millis) {
        return new CertificateReading(Outcome.NOT_READ, why, null, null, null, null, null, Match.UNREADABLE,
                Match.UNREADABLE, List.of(), Match.UNREADABLE, 0, millis);
    }

    public enum Outcome { READ, NOT_READ }

    public enum Match { EQUAL, SIMILAR, DIFFERENT, UNREADABLE }

    /** A value as read, with the recogniser's confidence (0–100) and where it stands on the page. */
    public record ReadText(String text, int confidence, Box box) {
    }

    /**
     * A rectangle on the page as fractions of the page's width and height (0–1, from the top left),
     * so that it can be drawn over a preview of any size.
     */
    public record Box(double x, double y, double width, double height) {
    }
}
