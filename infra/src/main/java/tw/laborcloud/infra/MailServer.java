package tw.laborcloud.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * GreenMail (real SMTP + IMAP, any recipient accepted, no authentication) and the mails it received, which
 * {@link MailInbox} shows on a small web page so a person can open the mails the services send. Received mails are copied into a list of our own, so they stay listed when SMTP
 * is stopped and started again (fault tests).
 */
final class MailServer {
    private final StackConfig config;
    private final List<MailMessage> messages = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private GreenMail greenMail;
    private int generation;
    private final MailInbox inbox;

    MailServer(StackConfig config) {
        this.config = config;
        this.inbox = new MailInbox(this, config);
    }

    String inboxUrl() {
        return inbox.url();
    }

    // ---- SMTP / IMAP ------------------------------------------------------------------------------------------

    synchronized void startSmtp() {
        if (greenMail != null) {
            return;
        }
        ServerSetup smtp = new ServerSetup(config.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(config.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail gm = new GreenMail(new ServerSetup[] {smtp, imap});
        gm.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            gm.start();
        } catch (RuntimeException e) {
            try {
                gm.stop();
            } catch (RuntimeException ignored) {
                // nothing to stop
            }
            throw new StackException("cannot start GreenMail (SMTP " + config.smtpPort() + ", IMAP "
                    + config.imapPort() + "): " + e.getMessage(), e);
        }
        greenMail = gm;
        generation++;
        Log.info("mail: GreenMail SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (no authentication, any recipient)",
                config.smtpPort(), config.imapPort());
    }

    synchronized boolean smtpRunning() {
        return greenMail != null;
    }

    /** Stops SMTP and IMAP; the mails received so far stay on the inbox page. */
    synchronized void stopSmtp() {
        if (greenMail == null) {
            return;
        }
        sync();
        greenMail.stop();
        greenMail = null;
    }

    /** All mails received since the stack started, oldest first. */
    synchronized List<MailMessage> messages() {
        sync();
        return List.copyOf(messages);
    }

    /** Forgets every mail (and empties GreenMail's mailboxes). */
    synchronized void clear() {
        sync();
        messages.clear();
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new StackException("cannot purge GreenMail mailboxes", e);
            }
        }
    }

    private void sync() {
        if (greenMail == null) {
            return;
        }
        List<StoredMessage> fresh = new ArrayList<>();
        for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getAllMessages()) {
            if (seen.add(key(stored))) {
                fresh.add(stored);
            }
        }
        fresh.sort(Comparator.comparing(StoredMessage::getReceivedDate));
        for (StoredMessage stored : fresh) {
            messages.add(toMailMessage(messages.size() + 1, stored));
        }
    }

    /** One mail to two recipients lands in two mailboxes: list it once (by Message-ID). */
    private String key(StoredMessage stored) {
        try {
            String id = stored.getMimeMessage().getMessageID();
            if (id != null) {
                return id;
            }
        } catch (MessagingException ignored) {
            // fall through
        }
        return "gen" + generation + ":" + System.identityHashCode(stored);
    }

    private static MailMessage toMailMessage(int id, StoredMessage stored) {
        MimeMessage mime = stored.getMimeMessage();
        try {
            List<Address> to = new ArrayList<>();
            addAll(to, mime.getRecipients(Message.RecipientType.TO));
            addAll(to, mime.getRecipients(Message.RecipientType.CC));
            String[] bodies = new String[2];
            List<String> attachments = new ArrayList<>();
            collectBodies(mime, bodies, attachments);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mime.writeTo(raw);
            return new MailMessage(id, addresses(to.toArray(Address[]::new)), addresses(mime.getFrom()),
                    mime.getSubject(), bodies[0], bodies[1], stored.getReceivedDate().toInstant(),
                    raw.toString(StandardCharsets.UTF_8), attachments);
        } catch (MessagingException | IOException e) {
            return new MailMessage(id, "", "", "(unreadable message: " + e.getMessage() + ")", null, null,
                    stored.getReceivedDate().toInstant(), "", List.of());
        }
    }

    private static void addAll(List<Address> into, Address[] addresses) {
        if (addresses != null) {
            into.addAll(List.of(addresses));
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Address a : addresses) {
            out.add(a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString());
        }
        return String.join(", ", out);
    }

    private static void collectBodies(Part part, String[] bodies, List<String> attachments)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part.getFileName() == null ? "（未命名）" : MimeUtility.decodeText(part.getFileName()));
            return;
        }
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectBodies(multipart.getBodyPart(i), bodies, attachments);
            }
        }
    }

    // ---- inbox web page (MailInbox) ---------------------------------------------------------------------------

    synchronized void startInbox() {
        inbox.start();
    }

    synchronized void stopInbox() {
        inbox.stop();
    }

    void stop() {
        stopSmtp();
        stopInbox();
    }
}
