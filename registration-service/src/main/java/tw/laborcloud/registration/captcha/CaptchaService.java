package tw.laborcloud.registration.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.hutool.captcha.CaptchaUtil;
import cn.hutool.captcha.LineCaptcha;
import cn.hutool.captcha.generator.RandomGenerator;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * The image captcha of the form (驗證碼): five characters without look-alikes, valid for a
 * few minutes, good for one attempt — a wrong answer costs a new captcha. Only the answer's
 * hash is stored; expiry is checked in code, and a sweeper removes old ones.
 */
@Service
public class CaptchaService {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final Captchas captchas;
    private final String fixedAnswer;

    CaptchaService(Captchas captchas, @Value("${laborcloud.captcha.fixed-answer:}") String fixedAnswer) {
        this.captchas = captchas;
        this.fixedAnswer = fixedAnswer;
    }

    public IssuedCaptcha issue() {
        LineCaptcha image = CaptchaUtil.createLineCaptcha(160, 56, 5, 40);
        image.setGenerator(new RandomGenerator(ALPHABET, 5));
        image.createCode();
        String answer = fixedAnswer.isBlank() ? image.getCode() : fixedAnswer;
        String id = UUID.randomUUID().toString();
        Instant expiresAt = Instant.now().plus(LIFETIME);
        captchas.insert(new Captcha(id, hash(answer), expiresAt, false));
        return new IssuedCaptcha(id, image.getImageBase64Data(), expiresAt);
    }

    /** Uses up the captcha whatever the answer; returns the violation if the answer does not count. */
    public Optional<FieldViolation> check(String id, String answer, Instant now) {
        if (id == null || id.isBlank() || answer == null || answer.isBlank()) {
            return Optional.of(new FieldViolation("captcha", "REQUIRED", "請輸入驗證碼"));
        }
        Optional<Captcha> captcha = captchas.use(id);
        if (captcha.isEmpty()) {
            return Optional.of(new FieldViolation("captcha", "CAPTCHA_USED", "驗證碼已使用過，請輸入新的驗證碼"));
        }
        if (captcha.get().expiresAt().isBefore(now)) {
            return Optional.of(new FieldViolation("captcha", "CAPTCHA_EXPIRED", "驗證碼已逾時，請輸入新的驗證碼"));
        }
        if (!MessageDigest.isEqual(captcha.get().answerHash().getBytes(StandardCharsets.US_ASCII),
                hash(answer).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(new FieldViolation("captcha", "CAPTCHA_WRONG", "驗證碼不正確，請輸入新的驗證碼"));
        }
        return Optional.empty();
    }

    /** Once per period across the service's instances (a second sweep right after the first would find nothing). */
    @Scheduled(fixedDelayString = "PT10M")
    @SchedulerLock(name = "registration.captcha-sweep", lockAtMostFor = "PT15M", lockAtLeastFor = "PT10M")
    void sweep() {
        captchas.deleteExpired(Instant.now());
    }

    static String hash(String answer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(answer.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param image a data URL (PNG) the page can show as it is */
    public record IssuedCaptcha(String captchaId, String image, Instant expiresAt) {
    }
}
