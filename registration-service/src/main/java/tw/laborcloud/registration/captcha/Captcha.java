package tw.laborcloud.registration.captcha;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One issued captcha: only the hash of its answer is kept; it is used at most once. */
@Document(Captchas.COLLECTION)
record Captcha(@Id String id, String answerHash, Instant expiresAt, boolean used) {
}
