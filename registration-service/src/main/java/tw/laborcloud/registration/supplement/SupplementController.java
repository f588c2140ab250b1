package tw.laborcloud.registration.supplement;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.laborcloud.registration.registration.StatusView;

/** The applicant's supplements (補正), anonymous as the registration form: proven by certificate number and password. */
@Tag(name = "帳號申請", description = "工會線上申請帳號（不需登入）")
@RestController
@RequestMapping("/api/registrations")
class SupplementController {

    private final Supplements supplements;

    SupplementController(Supplements supplements) {
        this.supplements = supplements;
    }

    /** The replacements for a supplement request; the answer is the new status (documents being checked again). */
    @Operation(summary = "補件", description = "對要求補正之申請，上傳並送出補正文件（須附申請時之立案證書字號）。")
    @PostMapping("/{applicationId}/supplements")
    StatusView submitSupplements(@PathVariable String applicationId, @RequestBody SupplementRequest body) {
        return StatusView.of(supplements.submit(applicationId,
                body == null ? new SupplementRequest(null, null, null) : body));
    }
}
