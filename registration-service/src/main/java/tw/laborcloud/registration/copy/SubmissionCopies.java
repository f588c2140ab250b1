package tw.laborcloud.registration.copy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import tw.laborcloud.registration.registration.Registration;

/**
 * Makes the submission copy of a registration ({@link SubmissionCopyPdf}) with the address of its status page:
 * for the download, and at submission for the receipt mail.
 */
@Component
public class SubmissionCopies {

    private final String gatewayUrl;

    SubmissionCopies(@Value("${laborcloud.gateway.url:http://localhost:8080}") String gatewayUrl) {
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
    }

    /** @param madeAt when the copy is made (the status it shows is the one at that time) */
    public byte[] render(Registration r, Instant madeAt) {
        return SubmissionCopyPdf.render(r, statusPage(r), madeAt);
    }

    /** The status page with both numbers filled in, as the receipt page links to it. */
    private String statusPage(Registration r) {
        return gatewayUrl + "/register/status.html?applicationId=" + UriUtils.encode(r.applicationId(),
                StandardCharsets.UTF_8) + "&certificateNo=" + UriUtils.encode(r.certificateNo(), StandardCharsets.UTF_8);
    }
}
