package tw.laborcloud.registration.account;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password hash Keycloak can verify as it is: PBKDF2-HMAC-SHA512 with a random salt,
 * Keycloak's {@code pbkdf2-sha512} provider (its default iteration count, 210,000, and a
 * 512-bit key). The JDK computes it, so no extra library is needed; Keycloak re-hashes
 * with its current default algorithm at the first login.
 */
public record PasswordHash(String algorithm, int iterations, String salt, String value) {

    public static final String ALGORITHM = "pbkdf2-sha512";
    public static final int ITERATIONS = 210_000;
    private static final int KEY_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static PasswordHash of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(ALGORITHM, ITERATIONS, Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS)));
    }

    public boolean matches(String password) {
        byte[] expected = Base64.getDecoder().decode(value);
        byte[] actual = derive(password, Base64.getDecoder().decode(salt), iterations);
        return java.security.MessageDigest.isEqual(expected, actual);
    }

    /** Keycloak's {@code credentialData}, a JSON string. */
    public String credentialData() {
        return "{\"hashIterations\":" + iterations + ",\"algorithm\":\"" + algorithm + "\",\"additionalParameters\":{}}";
    }

    /** Keycloak's {@code secretData}, a JSON string with standard padded Base64. */
    public String secretData() {
        return "{\"value\":\"" + value + "\",\"salt\":\"" + salt + "\",\"additionalParameters\":{}}";
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm + "]";
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
