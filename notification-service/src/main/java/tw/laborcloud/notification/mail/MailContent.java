package tw.laborcloud.notification.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A rendered e-mail: zh-TW subject, plain-text body, the same body as HTML, and any files attached. */
public record MailContent(String subject, String text, String html, List<Attachment> attachments) {

    public MailContent(String subject, String text, String html) {
        this(subject, text, html, List.of());
    }

    public MailContent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file attached to the mail, under its name and content type. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        /** The bytes compared, not the array's identity. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
                    && Arrays.equals(content, a.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, contentType) * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}
