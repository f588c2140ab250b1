package tw.laborcloud.review.register;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the city's union register: a certificate the city issued, and the seal the
 * union registered with it. Officers import and correct entries; every change is audited.
 */
@Document(UnionRegister.COLLECTION)
public record RegisteredUnion(@Id String certificateNo, String unionName, String unionType, LocalDate issuedOn,
        Seal seal, Instant updatedAt, String updatedBy) {

    /**
     * The registered seal image (PNG, JPEG or BMP as scanned, at most 2 MB) and its ink map
     * ({@code SealSimilarity.imprint}), which uploads are compared with.
     */
    public record Seal(byte[] image, String contentType, String sha256, int width, int height, String imprint) {
    }

    RegisteredUnion withSeal(Seal newSeal, Instant at, String by) {
        return new RegisteredUnion(certificateNo, unionName, unionType, issuedOn, newSeal, at, by);
    }
}
