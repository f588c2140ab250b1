package tw.laborcloud.infra;

import java.time.Instant;
import java.util.List;

/**
 * A mail the stack's SMTP server received.
 *
 * @param id         1, 2, 3, ... in the order received ({@code /messages/{id}} on the inbox page)
 * @param to         the To and Cc addresses, comma separated
 * @param from       the From address(es)
 * @param subject    decoded subject
 * @param text       the text/plain part, or null
 * @param html       the text/html part, or null
 * @param receivedAt  when the SMTP server took it
 * @param raw         the message source (RFC 822)
 * @param attachments the file names of its attachments, in order (e.g. the receipt's 送件副本-….pdf)
 */
public record MailMessage(int id, String to, String from, String subject, String text, String html,
                          Instant receivedAt, String raw, List<String> attachments) {

    public MailMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
