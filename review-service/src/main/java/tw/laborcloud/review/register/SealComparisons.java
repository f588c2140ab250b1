package tw.laborcloud.review.register;

import java.util.Optional;

import org.springframework.stereotype.Service;

import tw.laborcloud.events.document.DocumentsVerified;
import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.events.registration.RegistrationSubmitted;
import tw.laborcloud.review.cases.ReviewCase;
import tw.laborcloud.seal.SealSimilarity;

/**
 * Puts the uploaded union seal beside the registered one and scores their likeness. The
 * document service puts the upload's ink map (imprint) into its verification event, the
 * register keeps the registered seal's: no file is fetched from another service.
 */
@Service
public class SealComparisons {

    /** {@code SealSimilarity}'s method in the officers' words. */
    static final String METHOD = "以 Otsu 門檻取出印文，依印文重心與分布範圍置中、縮放為 128×128；"
            + "分數取整體相關係數（±4°、±2 像素內最佳者）與最不相符的 3 個區塊之較低者";

    private final UnionRegister register;

    SealComparisons(UnionRegister register) {
        this.register = register;
    }

    /**
     * @param percent  0–100, null when the seals could not be compared ({@code problem} says why)
     * @param problem  NO_UPLOADED_SEAL, NOT_VERIFIED, NOT_REGISTERED, NO_REGISTERED_SEAL or NOT_COMPARABLE
     */
    public record Comparison(String certificateNo, String uploadId, boolean registeredSeal, Integer percent,
            Integer hashDistance, String method, String problem, String message) {
    }

    public Comparison compare(ReviewCase reviewCase) {
        String certificateNo = reviewCase.certificateNo();
        Optional<String> uploadId = reviewCase.currentDocuments().stream()
                .filter(d -> DocumentKinds.UNION_SEAL.equals(d.kind()))
                .map(RegistrationSubmitted.SubmittedDocument::uploadId).findFirst();
        Optional<RegisteredUnion> entry = register.find(certificateNo);
        boolean registered = entry.map(e -> e.seal() != null).orElse(false);
        if (uploadId.isEmpty()) {
            return problem(certificateNo, null, registered, "NO_UPLOADED_SEAL", "申請人未上傳圖記");
        }
        if (entry.isEmpty()) {
            return problem(certificateNo, uploadId.get(), false, "NOT_REGISTERED", "登記簿中沒有此立案證書編號，無從比對");
        }
        if (!registered) {
            return problem(certificateNo, uploadId.get(), false, "NO_REGISTERED_SEAL", "登記簿中此工會沒有登記圖記影像");
        }
        Optional<DocumentsVerified.VerifiedDocument> verified = reviewCase.verification() == null ? Optional.empty()
                : reviewCase.verification().documents().stream().filter(d -> uploadId.get().equals(d.uploadId()))
                        .findFirst();
        if (verified.isEmpty()) {
            return problem(certificateNo, uploadId.get(), true, "NOT_VERIFIED", "上傳的圖記尚未完成檢核，稍後即可比對");
        }
        String imprint = verified.get().sealImprint();
        if (imprint == null) {
            return problem(certificateNo, uploadId.get(), true, "NOT_COMPARABLE",
                    "上傳的圖記無法自動比對（檔案有檢核發現或沒有可辨識的印文），請以目視比對");
        }
        try {
            SealSimilarity.Score score = SealSimilarity.compare(entry.get().seal().imprint(), imprint);
            return new Comparison(certificateNo, uploadId.get(), true, score.percent(), score.hashDistance(),
                    METHOD, null, null);
        } catch (IllegalArgumentException e) {
            return problem(certificateNo, uploadId.get(), true, "NOT_COMPARABLE", "影像無法自動比對，請以目視比對");
        }
    }

    private static Comparison problem(String certificateNo, String uploadId, boolean registered, String code,
            String message) {
        return new Comparison(certificateNo, uploadId, registered, null, null, null, code, message);
    }
}
