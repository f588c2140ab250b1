package tw.laborcloud.registration.registration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.registration.captcha.CaptchaService;

/** Public: anyone may apply and, with both numbers, follow the application. */
@Tag(name = "帳號申請", description = "工會線上申請帳號（不需登入）")
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService service;
    private final CaptchaService captchas;

    RegistrationController(RegistrationService service, CaptchaService captchas) {
        this.service = service;
        this.captchas = captchas;
    }

    @Operation(summary = "表單參考資料", description = "行政區、工會類別、文件類別等表單選項。")
    @GetMapping("/reference-data")
    ResponseEntity<Map<String, Object>> referenceData() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(Map.of("unionTypes", ReferenceData.UNION_TYPES, "industries", ReferenceData.INDUSTRIES,
                        "districts", ReferenceData.DISTRICTS, "city", ReferenceData.CITY,
                        "unreliableMailDomains", ReferenceData.UNRELIABLE_MAIL_DOMAINS));
    }

    @Operation(summary = "取得驗證碼", description = "圖形驗證碼（PNG，Base64）與其編號，送出申請時一併提供。")
    @GetMapping("/captcha")
    ResponseEntity<CaptchaService.IssuedCaptcha> captcha() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captchas.issue());
    }

    @Operation(summary = "送出申請", description = "送出帳號申請表、驗證碼及已上傳文件之編號與上傳憑證。欄位錯誤以 400 逐欄列出（errors）。")
    @ApiResponse(responseCode = "201", description = "已收件：收件回執（申請編號），Location 為進度查詢位址")
    @ApiResponse(responseCode = "200", description = "同一份表單再次送出：原收件回執，未建立新申請")
    @PostMapping
    ResponseEntity<Receipt> submit(@RequestBody RegistrationRequest request) {
        RegistrationService.Submitted submitted = service.submit(request);
        Registration r = submitted.registration();
        // the same form sent again: its first receipt, as 200 (nothing new was created)
        return (submitted.repeated() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/registrations/" + r.applicationId())))
                .body(new Receipt(r.applicationId(), r.certificateNo(), r.unionName(), r.submittedAt(), r.status(),
                        r.status().label(), submitted.warnings()));
    }

    @Operation(summary = "查詢申請進度", description = "以申請編號及立案證書字號查詢；兩者不符時一律回答查無資料。")
    @GetMapping("/{applicationId}")
    StatusView status(@PathVariable String applicationId, @RequestParam String certificateNo) {
        return StatusView.of(service.status(applicationId, certificateNo));
    }

    @Operation(summary = "確認聯絡信箱", description = "以確認信中之權杖確認聯絡電子郵件地址。")
    @PostMapping("/{applicationId}/email-confirmation")
    StatusView confirmEmail(@PathVariable String applicationId, @RequestBody ConfirmationRequest body) {
        return StatusView.of(service.confirmEmail(applicationId, body == null ? null : body.token()));
    }

    record ConfirmationRequest(String token) {
    }

    record Receipt(String applicationId, String certificateNo, String unionName, Instant submittedAt,
            ApplicationStatus status, String statusLabel, List<String> warnings) {
    }
}
