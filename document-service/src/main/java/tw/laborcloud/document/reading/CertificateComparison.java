package tw.laborcloud.document.reading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.events.document.CertificateReading.Match;
import tw.laborcloud.events.registration.UnionNames;

/**
 * How what was read compares with the form. The rule is never to call a correct certificate
 * "different": a number is different only when read twice alike (the whole page, then its
 * place alone) and not the form's; a name only when read with confidence, whole (a union's name
 * ends in 會), and more than a misread character or two apart; an issuer only when another
 * government's name was read and the city's nowhere.
 */
final class CertificateComparison {

    private CertificateComparison() {
    }

    /** The least confidence (0–100) of a name's words for it to be called different from the form's. */
    static final int SURE = 60;

    /**
     * The number read on the page against the form's account. {@code secondReading}: the runs of
     * digits read again in the number's place, enlarged and on its own (the edges of the
     * neighbouring characters may add a digit to a run), or null when not read again (the first
     * reading was the form's).
     */
    static Match number(String read, boolean framed, String secondReading, String form) {
        if (read == null || form == null) {
            return Match.UNREADABLE;
        }
        if (read.equals(form) || (secondReading != null && secondReading.contains(form))) {
            return Match.EQUAL;
        }
        // another number, read alike twice, in its printed frame: a different certificate
        return framed && secondReading != null && secondReading.contains(read) ? Match.DIFFERENT : Match.UNREADABLE;
    }

    /**
     * EQUAL after the register's normalisation; SIMILAR when at most about one character in five
     * differs (a misread character, a dropped one); DIFFERENT beyond, but only for a name read
     * with confidence ({@value #SURE} or more for each of its words) and whole (ending in 會, as
     * every union's name does): a garbled reading is UNREADABLE, not a different name.
     */
    static Match name(String read, int confidence, String form) {
        if (read == null || read.isBlank() || form == null) {
            return Match.UNREADABLE;
        }
        String a = UnionNames.normalise(read);
        String b = UnionNames.normalise(form);
        if (a.equals(b)) {
            return Match.EQUAL;
        }
        if (edits(a, b).size() <= Math.max(1, b.length() / 5)) {
            return Match.SIMILAR;
        }
        return confidence >= SURE && a.endsWith("會") ? Match.DIFFERENT : Match.UNREADABLE;
    }

    static Match issuer(String read) {
        if (read == null) {
            return Match.UNREADABLE;
        }
        return CertificateReading.CITY.equals(read) ? Match.EQUAL : Match.DIFFERENT;
    }

    /**
     * The characters that differ between the read name and the form's, in reading order:
     * "誠→試" for a character read in place of another, "−x" for one only in the reading,
     * "+x" for one only in the form.
     */
    static List<String> edits(String read, String form) {
        int n = read.length();
        int m = form.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int same = read.charAt(i - 1) == form.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + same, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        List<String> edits = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (read.charAt(i - 1) == form.charAt(j - 1) ? 0 : 1)) {
                if (read.charAt(i - 1) != form.charAt(j - 1)) {
                    edits.add(read.charAt(i - 1) + "→" + form.charAt(j - 1));
                }
                i--;
                j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                edits.add("−" + read.charAt(i - 1));
                i--;
            } else {
                edits.add("+" + form.charAt(j - 1));
                j--;
            }
        }
        Collections.reverse(edits);
        return edits;
    }
}
