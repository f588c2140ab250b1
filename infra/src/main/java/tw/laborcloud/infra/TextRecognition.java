package tw.laborcloud.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Whether this machine can read registration certificates: the Tesseract command with its
 * Traditional Chinese model, which document-service uses when present. The banner says so.
 */
final class TextRecognition {

    /** The Debian packages that bring them. */
    static final String PACKAGES = "tesseract-ocr tesseract-ocr-chi-tra";

    private TextRecognition() {
    }

    static boolean installed() {
        try {
            Process process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String languages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0
                    && languages.lines().anyMatch("chi_tra"::equals);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
