package tw.laborcloud.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tw.laborcloud.notification.mail.MailContent;

/** Hands one notice to the SMTP relay as a UTF-8 multipart message (plain text + HTML, and its attachments). */
@Component
public class MailDelivery {

    private final JavaMailSender sender;
    private final InternetAddress from;

    public MailDelivery(JavaMailSender sender,
            @Value("${laborcloud.mail.from:新北勞動雲 <no-reply@laborcloud.local>}") String from) {
        this.sender = sender;
        this.from = parse(from);
    }

    public void send(Notification notification) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(notification.to());
        helper.setSubject(notification.subject());
        helper.setText(notification.text(), notification.html());
        for (MailContent.Attachment attachment : notification.attachments()) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        // lets operations match a mail in the relay's logs to its notice
        message.setHeader("X-Laborcloud-Notification", notification.id());
        sender.send(withStableMessageId(message, notification.id()));
    }

    /**
     * SMTP delivery is at least once: a sender that dies after the relay took the mail and before the
     * notice is marked sent sends it again after its lease. Both copies carry the same Message-ID, made
     * from the notice's id, so that mailbox software shows them as one message.
     */
    static MimeMessage withStableMessageId(MimeMessage draft, String notificationId) throws MessagingException {
        String messageId = "<" + notificationId.replaceAll("[^A-Za-z0-9._-]", "_") + "@laborcloud.notification>";
        MimeMessage stable = new MimeMessage(draft) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        // copying the draft saved it, which gave it a random Message-ID; JavaMailSenderImpl keeps the Message-ID a
        // message has before it saves it again, so set ours now, not only when saved
        stable.setHeader("Message-ID", messageId);
        return stable;
    }

    /** Encodes the display name explicitly so non-ASCII senders survive every relay. */
    private static InternetAddress parse(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("laborcloud.mail.from is not an e-mail address: " + from, e);
        }
    }
}
