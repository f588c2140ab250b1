package tw.laborcloud.registration.registration;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Application numbers a clerk can read out on the phone: R, the Taipei date, and six
 * characters without look-alikes (no 0/O, 1/I/L), e.g. {@code R20261127-7F3K9Q}.
 */
public final class ApplicationIds {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplicationIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder("R")
                .append(LocalDate.now(TAIPEI).format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
