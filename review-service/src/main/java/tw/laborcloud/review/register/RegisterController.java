package tw.laborcloud.review.register;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.review.audit.Actor;

/** The union register: officers read it, supervisors import and correct it (roles in SecurityConfig). */
@Tag(name = "工會登記簿", description = "本市工會登記簿與登記印鑑")
@RestController
@RequestMapping("/api/review/register")
class RegisterController {

    private final UnionRegister register;
    private final RegisterMaintenance maintenance;

    RegisterController(UnionRegister register, RegisterMaintenance maintenance) {
        this.register = register;
        this.maintenance = maintenance;
    }

    /** An entry without its image bytes; {@code sealUrl} serves the image. */
    record Entry(String certificateNo, String unionName, String unionType, String unionTypeLabel, LocalDate issuedOn,
            boolean seal, String sealSha256, Instant updatedAt, String updatedBy) {

        static Entry of(RegisteredUnion u) {
            return new Entry(u.certificateNo(), u.unionName(), u.unionType(), UnionTypes.label(u.unionType()),
                    u.issuedOn(), u.seal() != null, u.seal() == null ? null : u.seal().sha256(), u.updatedAt(),
                    u.updatedBy());
        }
    }

    record EntryPage(List<Entry> items, long total, int page, int size) {
    }

    @Operation(summary = "查詢登記簿", description = "依立案證書字號或工會名稱分頁查詢。")
    @GetMapping
    EntryPage search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ApiException.invalid(List.of(new FieldViolation("size", "OUT_OF_RANGE", "頁碼從 0 起算，每頁 1 至 100 筆")));
        }
        return new EntryPage(register.search(q, page, size).stream().map(Entry::of).toList(), register.count(q), page,
                size);
    }

    @Operation(summary = "一筆登記資料", description = "工會名稱、類別、立案日期、會址與印鑑。")
    @GetMapping("/{certificateNo}")
    Entry get(@PathVariable String certificateNo) {
        return Entry.of(existing(certificateNo));
    }

    @Operation(summary = "登記印鑑圖", description = "登記之印鑑影像。")
    @GetMapping("/{certificateNo}/seal")
    ResponseEntity<byte[]> seal(@PathVariable String certificateNo) {
        RegisteredUnion.Seal seal = existing(certificateNo).seal();
        if (seal == null) {
            throw ApiException.notFound("NO_REGISTERED_SEAL", "登記簿中此工會沒有登記圖記影像");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(seal.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore()).body(seal.image());
    }

    @Operation(summary = "匯入登記簿", description = "以 CSV 匯入或更新登記資料，逐列回報結果。限主管。")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RegisterMaintenance.ImportResult importCsv(@RequestPart(name = "csv", required = false) MultipartFile csv,
            @RequestPart(name = "seals", required = false) List<MultipartFile> seals, Authentication who,
            HttpServletRequest request) throws IOException {
        return maintenance.importCsv(csv, seals, Actor.of(who, request));
    }

    @Operation(summary = "更正登記資料", description = "更正一筆登記資料，附理由並記入稽核紀錄。限主管。")
    @PutMapping("/{certificateNo}")
    Entry correct(@PathVariable String certificateNo, @RequestBody(required = false) RegisterMaintenance.Correction body,
            Authentication who, HttpServletRequest request) {
        return Entry.of(maintenance.correct(certificateNo, body, Actor.of(who, request)));
    }

    @Operation(summary = "更換登記印鑑", description = "上傳新的印鑑影像，附理由並記入稽核紀錄。限主管。")
    @PutMapping(path = "/{certificateNo}/seal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Entry replaceSeal(@PathVariable String certificateNo, @RequestPart(name = "seal", required = false) MultipartFile seal,
            @RequestParam(required = false) String reason, Authentication who, HttpServletRequest request)
            throws IOException {
        return Entry.of(maintenance.replaceSeal(certificateNo, seal, reason, Actor.of(who, request)));
    }

    private RegisteredUnion existing(String certificateNo) {
        return register.find(certificateNo).orElseThrow(() -> ApiException.notFound("NOT_REGISTERED",
                "登記簿中沒有立案證書編號 " + certificateNo));
    }
}
