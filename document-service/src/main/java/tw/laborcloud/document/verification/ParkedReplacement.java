package tw.laborcloud.document.verification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import tw.laborcloud.events.registration.DocumentsReplaced;

/**
 * Replacements that arrived before the round they replace was verified (events on
 * different topics come in any order); taken up as soon as that round is verified.
 */
@Document(RegistrationVerification.PARKED)
record ParkedReplacement(@Id String id, DocumentsReplaced event, Instant parkedAt) {
}
