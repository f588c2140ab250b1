package tw.laborcloud.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.internet.MimeMessage;

/** A notice sent again (its sender died after the relay took it) is the same message to the mailbox. */
class StableMessageIdTests {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    @Test
    void everyAttemptOfOneNoticeCarriesTheSameMessageIdAndOtherNoticesAnother() throws Exception {
        String first = attempt("R20261203-ABC123:RECEIPT");
        String second = attempt("R20261203-ABC123:RECEIPT");
        String other = attempt("R20261203-ABC123:ACTIVATION");

        assertThat(first).isEqualTo(second).isEqualTo("<R20261203-ABC123_RECEIPT@laborcloud.notification>");
        assertThat(other).isNotEqualTo(first);
    }

    private String attempt(String notificationId) throws Exception {
        MimeMessage draft = sender.createMimeMessage();
        draft.setSubject("已收到您的申請");
        draft.setText("內容", "UTF-8");
        MimeMessage sent = MailDelivery.withStableMessageId(draft, notificationId);
        // what JavaMailSenderImpl does before it sends: it keeps the Message-ID the message had before saving
        String before = sent.getMessageID();
        sent.saveChanges();
        assertThat(sent.getMessageID()).isEqualTo(before);
        return sent.getMessageID();
    }
}
