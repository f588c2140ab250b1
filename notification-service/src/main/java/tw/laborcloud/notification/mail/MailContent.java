package tw.laborcloud.notification.mail;

/** A rendered e-mail: zh-TW subject, plain-text body and the same body as HTML. */
public record MailContent(String subject, String text, String html) {
}
