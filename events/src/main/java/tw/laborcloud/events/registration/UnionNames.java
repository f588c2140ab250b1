package tw.laborcloud.events.registration;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How two spellings of a union's name are compared wherever names meet: the form against the
 * union register (review service) and against what was read from the registration certificate
 * (document service).
 */
public final class UnionNames {

    private UnionNames() {
    }

    /**
     * Full-width letters, digits and brackets become half-width (NFKC), all spaces (also the
     * ideographic one) go, and 台 is read as 臺: the same name typed on different keyboards.
     */
    public static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "").replace('台', '臺')
                .toLowerCase(Locale.ROOT);
    }

    /** Whether both names are given and the same after {@link #normalise}. */
    public static boolean same(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }
}
