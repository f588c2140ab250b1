package tw.laborcloud.document.verification;

import tw.laborcloud.events.document.DocumentsVerified.Verdict;
import tw.laborcloud.events.document.DocumentsVerified.VerifiedDocument;

/** An upload as the latest verification round that included it saw it. */
public record VerifiedUpload(String applicationId, int round, Verdict verdict, VerifiedDocument document) {
}
