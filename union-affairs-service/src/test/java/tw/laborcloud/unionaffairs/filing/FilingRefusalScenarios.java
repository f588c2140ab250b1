package tw.laborcloud.unionaffairs.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static tw.laborcloud.unionaffairs.it.TestUnions.union;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.review.FilingDecided.Outcome;
import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.unionaffairs.it.TestUnions;

/**
 * What a draft or a submission refuses: forms and dates that break the rules, missing or
 * unusable attachments, a dissolved union; a refused submission leaves the filing as it was.
 */
abstract class FilingRefusalScenarios extends FilingScenarioSupport {

    @Test
    void aMeetingDateInTheFutureIsRefusedAndNothingIsWritten() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.GENERAL_MEETING_MINUTES);
        Map<String, Object> form = sample.corrected();
        form.put("meetingDate", "2026-11-21");
        String id = created(unionId, sample.type(), form, sample.attachments(unionId));

        submit(unionId, id, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("FILING_INVALID"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("form.meetingDate"))
                .andExpect(jsonPath("$.errors[0].code").value("DATE_IN_FUTURE"))
                .andExpect(jsonPath("$.errors[0].message").value("「開會日期」不可晚於今天（2026-11-20）。"));
        assertUntouched(id);
    }

    @Test
    void anElectionInTheFutureAndARosterLongerThanTheMembershipAreRefused() throws Exception {
        UnionDetails small = TestUnions.details();
        small = new UnionDetails(small.unionType(), small.unionTaxId(), small.representative(), small.industry(),
                small.address(), small.mailingAddress(), small.foundedOn(), new UnionDetails.Counts(2, 2, 4),
                null, null, null, null, null, null, null, null, null, null, null);
        String unionId = activate(small);
        Map<String, Object> form = SampleFilings.form("electionDate", "2026-12-01", "directors",
                List.of(SampleFilings.person("甲", "M"), SampleFilings.person("乙", "F"),
                        SampleFilings.person("丙", "F")),
                "supervisors", List.of(SampleFilings.person("丁", "M"), SampleFilings.person("戊", "M")));
        String id = created(unionId, FilingType.OFFICER_ROSTER, form,
                SampleFilings.of(FilingType.OFFICER_ROSTER).attachments(unionId));

        submit(unionId, id, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("form.electionDate"))
                .andExpect(jsonPath("$.errors[0].code").value("DATE_IN_FUTURE"))
                .andExpect(jsonPath("$.errors[1].field").value("form.directors"))
                .andExpect(jsonPath("$.errors[1].code").value("OFFICERS_EXCEED_MEMBERS"))
                .andExpect(jsonPath("$.errors[1].message").value("理事及監事共 5 人，超過貴會會員總數 4 人，請確認名冊。"));
        assertUntouched(id);
    }

    @Test
    void aMissingRequiredAttachmentAndOneOfAnotherTypeAreRefused() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.MEMBERSHIP_AUDIT);
        List<AttachmentRef> attachments = new ArrayList<>(sample.attachments(unionId).subList(0, 3)); // no AUDIT_REPORT
        attachments.add(SampleFilings.attachment("AMENDED_CHARTER", unionId));
        String id = created(unionId, sample.type(), sample.form(), attachments);

        submit(unionId, id, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("attachments.AMENDED_CHARTER"))
                .andExpect(jsonPath("$.errors[0].code").value("ATTACHMENT_NOT_ALLOWED"))
                .andExpect(jsonPath("$.errors[0].message").value("「修正後章程」不是「年度會員會籍總清查」的附件，請移除。"))
                .andExpect(jsonPath("$.errors[1].field").value("attachments.AUDIT_REPORT"))
                .andExpect(jsonPath("$.errors[1].code").value("REQUIRED"))
                .andExpect(jsonPath("$.errors[1].message").value("請上傳「會籍總清查報告表」。"));
        assertUntouched(id);
    }

    @Test
    void attachmentsWhoseUploadCannotBeUsedAreRefusedAtOnce() throws Exception {
        String unionId = activate(TestUnions.details());
        String otherUnion = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.MEMBERSHIP_AUDIT);
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        String notYours = UUID.randomUUID().toString();
        String otherKind = UUID.randomUUID().toString();
        String expired = UUID.randomUUID().toString();
        List<AttachmentRef> attachments = List.of(
                new AttachmentRef("AUDIT_TEAM_ROSTER", UUID.randomUUID().toString(), null),
                new AttachmentRef("MEMBER_ROSTER", notYours,
                        TestUploadTickets.ticket(notYours, "MEMBER_ROSTER", otherUnion)),
                new AttachmentRef("DEPARTED_MEMBER_ROSTER", otherKind,
                        TestUploadTickets.ticket(otherKind, "AUDIT_REPORT", unionId)),
                new AttachmentRef("AUDIT_REPORT", expired,
                        TestUploadTickets.ticket(expired, "AUDIT_REPORT", unionId, yesterday)));
        String id = created(unionId, sample.type(), sample.form(), attachments);

        submit(unionId, id, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("FILING_INVALID"))
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[0].field").value("attachments.AUDIT_TEAM_ROSTER"))
                .andExpect(jsonPath("$.errors[0].code").value("UPLOAD_UNKNOWN"))
                .andExpect(jsonPath("$.errors[0].message").value("找不到「會籍清查小組名冊」的上傳紀錄，請重新上傳檔案。"))
                .andExpect(jsonPath("$.errors[1].field").value("attachments.MEMBER_ROSTER"))
                .andExpect(jsonPath("$.errors[1].code").value("UPLOAD_NOT_YOURS"))
                .andExpect(jsonPath("$.errors[1].message").value("此檔案不是以貴會帳號上傳的，請重新上傳「會員名冊」。"))
                .andExpect(jsonPath("$.errors[2].field").value("attachments.DEPARTED_MEMBER_ROSTER"))
                .andExpect(jsonPath("$.errors[2].code").value("UPLOAD_KIND_MISMATCH"))
                .andExpect(jsonPath("$.errors[2].message")
                        .value("此檔案是以其他文件類別上傳的，不能作為「出會會員名冊」，請在此欄位重新上傳。"))
                .andExpect(jsonPath("$.errors[3].field").value("attachments.AUDIT_REPORT"))
                .andExpect(jsonPath("$.errors[3].code").value("UPLOAD_EXPIRED"))
                .andExpect(jsonPath("$.errors[3].message").value("「會籍總清查報告表」的檔案上傳後已超過保留期限，請重新上傳檔案。"));
        assertUntouched(id);
    }

    @Test
    void anUploadServesOneFilingOnlyAndOneAttachmentOfIt() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.GENERAL_MEETING_MINUTES);
        List<AttachmentRef> first = sample.attachments(unionId);
        String sent = created(unionId, sample.type(), sample.form(), first);
        submit(unionId, sent, 0).andExpect(status().isOk());

        // the minutes of the first filing again, with their genuine ticket, in a second filing
        String again = created(unionId, sample.type(), sample.form(),
                List.of(first.get(0), SampleFilings.attachment("SIGN_IN_SHEET", unionId)));
        submit(unionId, again, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("attachments.MEETING_MINUTES"))
                .andExpect(jsonPath("$.errors[0].code").value("UPLOAD_ALREADY_USED"))
                .andExpect(jsonPath("$.errors[0].message").value("此檔案已用於先前送出的其他申請，請為「會議紀錄」重新上傳檔案。"));
        assertUntouched(again);

        // one upload as both attachments of one filing
        AttachmentRef minutes = SampleFilings.attachment("MEETING_MINUTES", unionId);
        String twice = created(unionId, sample.type(), sample.form(), List.of(minutes,
                new AttachmentRef("SIGN_IN_SHEET", minutes.uploadId(), minutes.ticket())));
        submit(unionId, twice, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("attachments.SIGN_IN_SHEET"))
                .andExpect(jsonPath("$.errors[0].code").value("UPLOAD_USED_TWICE"));
        assertUntouched(twice);
    }

    @Test
    void anUnchangedAddressIsRefused() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.ADDRESS_CHANGE);
        Map<String, Object> form = sample.corrected();
        form.put("newAddress", Map.of("district", "板橋區", "street", "文化路一段 100 號"));
        String id = created(unionId, sample.type(), form, sample.attachments(unionId));

        submit(unionId, id, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("form.newAddress"))
                .andExpect(jsonPath("$.errors[0].code").value("ADDRESS_UNCHANGED"))
                .andExpect(jsonPath("$.errors[0].message").value("新會址與目前會址相同，無須申請會址變更。"));
        assertUntouched(id);
    }

    @Test
    void aDissolvedUnionCannotFileAnyMore() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings dissolution = SampleFilings.of(FilingType.DISSOLUTION);
        SampleFilings minutes = SampleFilings.of(FilingType.GENERAL_MEETING_MINUTES);
        String pending = created(unionId, minutes.type(), minutes.form(), minutes.attachments(unionId));
        String id = created(unionId, dissolution.type(), dissolution.form(), dissolution.attachments(unionId));
        submit(unionId, id, 0).andExpect(status().isOk());
        decide(unionId, dissolution.type(), id, 1, Outcome.ACCEPTED, null);
        awaitStatus(unionId, id, "ACCEPTED");

        create(unionId, minutes.type(), minutes.form(), minutes.attachments(unionId)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("UNION_DISSOLVED"))
                .andExpect(jsonPath("$.detail").value("貴會已解散並經備查，無法再提出或修改會務申請。"));
        submit(unionId, pending, 0).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("UNION_DISSOLVED"));
        assertUntouched(pending);
        mvc.perform(get("/api/union/filings").with(union(unionId))).andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void draftsOfUnknownTypesOrWithUnknownFieldsAreRefused() throws Exception {
        String unionId = activate(TestUnions.details());
        create(unionId, null, Map.of(), List.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/union/filings").with(union(unionId)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"PARTY\",\"form\":{}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_TYPE"));
        create(unionId, FilingType.DISSOLUTION, Map.of("color", "red"), List.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("form.color"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
        create(unionId, FilingType.OFFICER_ROSTER, Map.of("directors", "張一"), List.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("form.directors"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
        create(unionId, FilingType.DISSOLUTION, Map.of(), List.of(new AttachmentRef("MEETING_MINUTES", " ", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments[0]"));
        mvc.perform(get("/api/union/filings").with(union(unionId))).andExpect(jsonPath("$").isEmpty());

        String huge = created(unionId, FilingType.WORK_PLAN_BUDGET, Map.of("year", 2027, "budgetTotal",
                new java.math.BigInteger("123456789012345678901234567890")), List.of());
        view(unionId, huge).andExpect(jsonPath("$.form.budgetTotal").value("123456789012345678901234567890"));
        submit(unionId, huge, 0).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("form.budgetTotal"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_AN_INTEGER"));
    }

    /** A refused submission left the filing as it was: still a draft at revision 0, no event waiting. */
    private void assertUntouched(String id) {
        Filing filing = filings.find(id).orElseThrow();
        assertThat(filing.status()).isEqualTo(FilingStatus.DRAFT);
        assertThat(filing.revision()).isZero();
        assertThat(filing.round()).isZero();
        assertThat(filing.pendingEvents()).isEmpty();
        assertThat(filing.history()).hasSize(1);
        assertThat(filing.usedUploadIds()).isNull();
    }
}
