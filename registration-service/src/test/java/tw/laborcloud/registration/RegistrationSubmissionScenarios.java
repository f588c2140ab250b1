package tw.laborcloud.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tw.laborcloud.events.Topics;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.platform.uploads.UploadTickets;
import tw.laborcloud.registration.registration.RegistrationForms;
import tw.laborcloud.registration.registration.Registrations;

/**
 * What a submitted registration form is checked for: the captcha, the fields, the password and the uploads
 * are refused on their fields with nothing stored, a free mailbox only warned about; and one certificate
 * number, one upload and one form (sent again, or at once) make one registration only.
 */
abstract class RegistrationSubmissionScenarios extends RegistrationScenarioSupport {

    @Test
    void aWrongCaptchaIsRefusedAndUsedUpAndNothingIsStored() throws Exception {
        String cert = newCertificateNo();
        String captcha = captchaId();
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(RegistrationForms.json(cert, "clerk@union.example", captcha, "WRONG")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("captcha"))
                .andExpect(jsonPath("$.errors[0].code").value("CAPTCHA_WRONG"));
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(RegistrationForms.json(cert, "clerk@union.example", captcha, "TEST")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("CAPTCHA_USED"));
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(RegistrationForms.json(cert, "clerk@union.example", "", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("certificateNo").is(cert)),
                Registrations.COLLECTION)).isFalse();
    }

    @Test
    void aWordWhereANumberBelongsIsReportedOnItsField() throws Exception {
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCertificateNo(), "clerk@union.example")
                                .replace("\"male\":120", "\"male\":\"很多\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members.male"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
    }

    @Test
    void aFreeMailboxIsWarnedAboutButAccepted() throws Exception {
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCertificateNo(), "union123@qq.com")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("@qq.com")));
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Registrations.COLLECTION);
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body("1234", "no-at-sign").replace(RegistrationForms.PASSWORD, "weak")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[?(@.field=='account')].code").value("ACCOUNT_FORMAT"))
                .andExpect(jsonPath("$.errors[?(@.field=='password')].message")
                        .value("密碼不符規則：至少 8 個字元、需包含數字、需包含大寫字母"))
                .andExpect(jsonPath("$.errors[?(@.field=='contactEmail')].code").value("EMAIL_FORMAT"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Registrations.COLLECTION))
                .isEqualTo(before);
    }

    @Test
    void uploadsThatCannotBeUsedAreRefusedAtOnceOnTheirFieldsAndNothingIsStored() throws Exception {
        String cert = newCertificateNo();
        String charter = java.util.UUID.randomUUID().toString();
        String certificate = java.util.UUID.randomUUID().toString();
        String seal = java.util.UUID.randomUUID().toString();
        String representative = java.util.UUID.randomUUID().toString();
        String forged = new UploadTickets("not-the-secret-of-document-service-at-all")
                .issue(certificate, "CERTIFICATE_SCAN", Instant.now().plusSeconds(3600), null,
                        TestUploadTickets.file("certificate.jpg"));
        String documents = "[" + String.join(",",
                RegistrationForms.documentJson("CHARTER", charter, null),
                RegistrationForms.documentJson("CERTIFICATE_SCAN", certificate, forged),
                RegistrationForms.documentJson("UNION_SEAL", seal, TestUploadTickets.ticket(seal, "REPRESENTATIVE_SEAL")),
                RegistrationForms.documentJson("REPRESENTATIVE_SEAL", representative, TestUploadTickets.ticket(
                        representative, "REPRESENTATIVE_SEAL", null, Instant.now().minusSeconds(1))),
                RegistrationForms.documentJson("HARASSMENT_EVIDENCE", charter)) + "]";

        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(RegistrationForms.json(cert, "clerk@union.example", captchaId(), "TEST", documents)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.CHARTER')].code").value("UPLOAD_UNKNOWN"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.CHARTER')].message")
                        .value("找不到「章程」的上傳紀錄，請重新上傳檔案。"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.CERTIFICATE_SCAN')].code").value("UPLOAD_UNKNOWN"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.UNION_SEAL')].code").value("UPLOAD_KIND_MISMATCH"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.UNION_SEAL')].message")
                        .value("此檔案是以其他文件類別上傳的，不能作為「附件二 圖記」，請在此欄位重新上傳。"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.REPRESENTATIVE_SEAL')].code")
                        .value("UPLOAD_EXPIRED"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.HARASSMENT_EVIDENCE')].code")
                        .value("UPLOAD_USED_TWICE"))
                .andExpect(jsonPath("$.errors[?(@.field=='documents.HARASSMENT_EVIDENCE')].message")
                        .value("同一個上傳檔案不能同時作為兩份文件，請為「完成性騷擾防治措施佐證資料」另外上傳檔案。"));
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("certificateNo").is(cert)),
                Registrations.COLLECTION)).isFalse();
    }

    @Test
    void anUploadServesOneRegistrationOnly() throws Exception {
        String charter = RegistrationForms.documentJson("CHARTER");
        String first = "[" + String.join(",", charter, RegistrationForms.documentJson("CERTIFICATE_SCAN"),
                RegistrationForms.documentJson("UNION_SEAL"), RegistrationForms.documentJson("REPRESENTATIVE_SEAL"))
                + "]";
        String second = "[" + String.join(",", charter, RegistrationForms.documentJson("CERTIFICATE_SCAN"),
                RegistrationForms.documentJson("UNION_SEAL"), RegistrationForms.documentJson("REPRESENTATIVE_SEAL"))
                + "]";
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON).content(RegistrationForms
                        .json(newCertificateNo(), "clerk@union.example", captchaId(), "TEST", first)
                        .replace("\"harassmentPreventionDone\":true", "\"harassmentPreventionDone\":false")))
                .andExpect(status().isCreated());

        // the same charter, ticket and all, in another union's registration
        String cert = newCertificateNo();
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON).content(RegistrationForms
                        .json(cert, "clerk@union.example", captchaId(), "TEST", second)
                        .replace("\"harassmentPreventionDone\":true", "\"harassmentPreventionDone\":false")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("documents.CHARTER"))
                .andExpect(jsonPath("$.errors[0].code").value("UPLOAD_ALREADY_USED"))
                .andExpect(jsonPath("$.errors[0].message").value("此檔案已用於先前送出的其他申請，請為「章程」重新上傳檔案。"));
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("certificateNo").is(cert)),
                Registrations.COLLECTION)).isFalse();
    }

    @Test
    void ofSimultaneousRegistrationsWithOneUploadExactlyOneWins() throws Exception {
        String charter = RegistrationForms.documentJson("CHARTER");
        List<Integer> statuses = Applicants.simultaneously(6, () -> mvc.perform(post("/api/registrations")
                .contentType(MediaType.APPLICATION_JSON).content(RegistrationForms.json(newCertificateNo(),
                        "clerk@union.example", captchaId(), "TEST", "[" + String.join(",", charter,
                                RegistrationForms.documentJson("CERTIFICATE_SCAN"),
                                RegistrationForms.documentJson("UNION_SEAL"),
                                RegistrationForms.documentJson("REPRESENTATIVE_SEAL")) + "]")
                        .replace("\"harassmentPreventionDone\":true", "\"harassmentPreventionDone\":false")))
                .andReturn().getResponse().getStatus());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
    }

    @Test
    void aPasswordWithAControlCharacterIsRefusedOnItsField() throws Exception {
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(newCertificateNo(), "clerk@union.example")
                                .replace(RegistrationForms.PASSWORD, "Secret-Pass1\\t")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("PASSWORD_CONTROL_CHARACTER"))
                .andExpect(jsonPath("$.errors[0].message").value("密碼不能包含控制字元（例如換行或定位字元），請重新輸入"));
    }

    @Test
    void ofSimultaneousRegistrationsForOneCertificateExactlyOneWins() throws Exception {
        String cert = newCertificateNo();
        List<Integer> statuses = Applicants.simultaneously(6, () -> mvc.perform(post("/api/registrations")
                .contentType(MediaType.APPLICATION_JSON).content(body(cert, "clerk@union.example")))
                .andReturn().getResponse().getStatus());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(5);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("certificateNo").is(cert)),
                Registrations.COLLECTION)).isEqualTo(1);
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(body(cert, "clerk@union.example")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("CERTIFICATE_TAKEN"));
    }

    @Test
    void theSameFormSentAgainGetsItsFirstReceiptEvenAfterTheDecisionFreedTheCertificate() throws Exception {
        String cert = newCertificateNo();
        String key = java.util.UUID.randomUUID().toString();
        String first = mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(withKey(body(cert, "clerk@union.example"), key)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String applicationId = com.jayway.jsonpath.JsonPath.read(first, "$.applicationId");

        // its answer was lost: the page sends the same form again (a new captcha), twice at once
        List<Integer> again = Applicants.simultaneously(3, () -> mvc.perform(post("/api/registrations")
                        .contentType(MediaType.APPLICATION_JSON).content(withKey(body(cert, "clerk@union.example"), key)))
                .andExpect(jsonPath("$.applicationId").value(applicationId)).andReturn().getResponse().getStatus());
        assertThat(again).containsOnly(200);

        // the bureau rejects it, which frees the certificate number; a late copy of the form still makes nothing new
        KafkaTestClient.send(brokers, Topics.APPLICATION_REJECTED, applicationId, """
                {"eventId":"ev-reject-%1$s","occurredAt":"2026-12-03T08:00:00Z","applicationId":"%2$s","correlationId":"c-reject",
                 "schemaVersion":1,"certificateNo":"%1$s","reason":"會員人數不足","decidedBy":"approver1"}
                """.formatted(cert, applicationId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/registrations/" + applicationId)
                .param("certificateNo", cert)).andExpect(jsonPath("$.status").value("REJECTED")));
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(withKey(body(cert, "clerk@union.example"), key)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicationId").value(applicationId))
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("certificateNo").is(cert)),
                Registrations.COLLECTION)).isEqualTo(1);

        // a new form (a new key) may register the freed number; the old key with another number is refused
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(withKey(body(newCertificateNo(), "clerk@union.example"), key)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SUBMISSION_REUSED"));
        mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(withKey(body(cert, "clerk@union.example"), java.util.UUID.randomUUID().toString())))
                .andExpect(status().isCreated());
    }

    static String withKey(String form, String submissionId) {
        return form.substring(0, form.lastIndexOf('}')) + ",\"submissionId\":\"" + submissionId + "\"}";
    }
}
