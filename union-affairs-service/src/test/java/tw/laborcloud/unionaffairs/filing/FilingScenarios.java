package tw.laborcloud.unionaffairs.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static tw.laborcloud.unionaffairs.it.TestUnions.officer;
import static tw.laborcloud.unionaffairs.it.TestUnions.union;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.FilingDecided.Outcome;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.unionaffairs.it.TestUnions;
import tw.laborcloud.unionaffairs.profile.UnionProfile;
import tw.laborcloud.unionaffairs.profile.UnionProfile.ProfileChange;
import tw.laborcloud.unionaffairs.profile.UnionProfiles;

/**
 * Filings end to end inside the service: the union's requests through MockMvc with tokens
 * shaped like Keycloak's, FilingSubmitted read from the real broker, the bureau's
 * FilingDecided sent to it as review-service will. "Today" is {@link SampleFilings#TODAY}
 * in Taipei unless a test moves the clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FilingScenarios.FixedClock.class)
@DirtiesContext
abstract class FilingScenarios {

    /** Decisions whose order matters go to one partition, read in order; a later marker shows the earlier were handled. */
    private static final int PARTITION = 0;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(SampleFilings.TODAY);
        }
    }

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Filings filings;
    @Autowired
    UnionProfiles profiles;

    @BeforeEach
    void today() {
        clock.setDay(SampleFilings.TODAY);
    }

    @ParameterizedTest
    @MethodSource("tw.laborcloud.unionaffairs.filing.SampleFilings#all")
    void eachTypeIsSubmittedReturnedCorrectedResubmittedAndAccepted(SampleFilings sample) throws Exception {
        String unionId = activate(TestUnions.details());
        List<AttachmentRef> attachments = sample.attachments(unionId);

        // a partial draft: the form without its attachments
        JsonNode draft = create(unionId, sample.type(), sample.form(), List.of()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.statusLabel").value("草稿"))
                .andExpect(jsonPath("$.typeLabel").value(sample.type().label()))
                .andExpect(jsonPath("$.round").value(0))
                .andExpect(jsonPath("$.revision").value(0))
                .andReturn().getResponse().getContentAsString().transform(json::readTree);
        String id = draft.get("filingId").asString();
        assertThat(id).startsWith("F-");
        update(unionId, id, sample.form(), attachments, 0).andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.attachments", hasSize(attachments.size())))
                .andExpect(jsonPath("$.attachments[0].label").value(
                        tw.laborcloud.events.registration.DocumentKinds.label(attachments.get(0).kind())));
        submit(unionId, id, 1).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.statusLabel").value("已送出，審查中"))
                .andExpect(jsonPath("$.round").value(1))
                .andExpect(jsonPath("$.revision").value(2));

        decide(unionId, sample.type(), id, 1, Outcome.RETURNED, "請補正：" + sample.shownLabel());
        awaitStatus(unionId, id, "RETURNED");
        view(unionId, id).andExpect(jsonPath("$.returnReason").value("請補正：" + sample.shownLabel()))
                .andExpect(jsonPath("$.statusLabel").value("退回補正"));

        update(unionId, id, sample.corrected(), attachments, 2).andExpect(status().isOk());
        submit(unionId, id, 3).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.round").value(2))
                .andExpect(jsonPath("$.returnReason").doesNotExist());

        List<FilingSubmitted> events = submittedEvents(id, 2);
        assertThat(events).extracting(FilingSubmitted::round).containsExactlyInAnyOrder(1, 2);
        FilingSubmitted second = events.stream().filter(e -> e.round() == 2).findFirst().orElseThrow();
        assertThat(second.filingType()).isEqualTo(sample.type().name());
        assertThat(second.filingTypeLabel()).isEqualTo(sample.type().label());
        assertThat(second.unionId()).isEqualTo(unionId);
        assertThat(second.certificateNo()).isEqualTo(unionId);
        assertThat(second.form()).extracting(FormField::name).containsExactlyElementsOf(
                sample.type().fields().stream().map(FieldSpec::name).toList());
        assertThat(second.form()).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo(sample.shownLabel());
            assertThat(f.value()).isEqualTo(sample.shownValue());
        });
        assertThat(second.attachments()).containsExactlyElementsOf(
                attachments.stream().map(a -> new SubmittedDocument(a.kind(), a.uploadId())).toList());

        decide(unionId, sample.type(), id, 2, Outcome.ACCEPTED, null);
        awaitStatus(unionId, id, "ACCEPTED");
        JsonNode accepted = view(unionId, id).andExpect(jsonPath("$.statusLabel").value("已備查"))
                .andExpect(jsonPath("$.decidedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString().transform(json::readTree);
        List<String> actions = new ArrayList<>();
        accepted.get("history").forEach(h -> actions.add(h.get("action").asString()));
        assertThat(actions).containsExactly("CREATED", "UPDATED", "SUBMITTED", "RETURNED", "UPDATED", "RESUBMITTED",
                "ACCEPTED");
        assertThat(accepted.get("history").get(3).get("actor").asString()).isEqualTo("officer-approver");
        assertThat(accepted.get("history").get(2).get("actor").asString()).isEqualTo(unionId);

        ResultActions profile = mvc.perform(get("/api/union/profile").with(union(unionId))).andExpect(status().isOk());
        if (sample.profileAfter().isEmpty()) {
            profile.andExpect(jsonPath("$.changes").isEmpty())
                    .andExpect(jsonPath("$.address.street").value("文化路一段100號"))
                    .andExpect(jsonPath("$.representative").value("王大明"))
                    .andExpect(jsonPath("$.members.total").value(40))
                    .andExpect(jsonPath("$.status").value("ACTIVE"));
        } else {
            for (Map.Entry<String, Object> expected : sample.profileAfter().entrySet()) {
                profile.andExpect(jsonPath(expected.getKey()).value(expected.getValue()));
            }
            profile.andExpect(jsonPath("$.changes", hasSize(1)))
                    .andExpect(jsonPath("$.changes[0].filingId").value(id))
                    .andExpect(jsonPath("$.changes[0].filingType").value(sample.type().name()))
                    .andExpect(jsonPath("$.changes[0].description").isNotEmpty());
        }
    }

    @Test
    void theFilingTypesComeWithTheirFormsAttachmentsAndDeadlines() throws Exception {
        mvc.perform(get("/api/union/filing-types").with(union("any")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(9)))
                .andExpect(jsonPath("$[1].type").value("OFFICER_ROSTER"))
                .andExpect(jsonPath("$[1].fields[1].kind").value("NAMES"))
                .andExpect(jsonPath("$[1].deadline").isNotEmpty())
                .andExpect(jsonPath("$[2].attachments[0].kind").value("AMENDED_CHARTER"))
                .andExpect(jsonPath("$[2].attachments[0].label").value("修正後章程"))
                .andExpect(jsonPath("$[2].attachments[0].pdfOnly").value(true))
                .andExpect(jsonPath("$[2].attachments[1].pdfOnly").value(false))
                .andExpect(jsonPath("$[0].fields[0].choices[1].label").value("會員代表大會"))
                .andExpect(jsonPath("$[0].deadline").doesNotExist());
        mvc.perform(get("/api/union/filing-types").with(officer("reviewer"))).andExpect(status().isOk());
    }

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
    void aResubmissionKeepsItsEarlierUploadsAfterTheirTicketsExpired() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.FINAL_ACCOUNTS);
        String uploadId = UUID.randomUUID().toString();
        Instant inThirtyDays = clock.instant().plus(Duration.ofDays(30));
        List<AttachmentRef> attachments = List.of(new AttachmentRef("FINAL_ACCOUNTS", uploadId,
                TestUploadTickets.ticket(uploadId, "FINAL_ACCOUNTS", unionId, inThirtyDays)));
        String id = created(unionId, sample.type(), sample.form(), attachments);
        submit(unionId, id, 0).andExpect(status().isOk());
        decide(unionId, sample.type(), id, 1, Outcome.RETURNED, "請補正決算數字");
        awaitStatus(unionId, id, "RETURNED");
        clock.setDay(SampleFilings.TODAY.plusDays(60));

        update(unionId, id, sample.corrected(), attachments, 1).andExpect(status().isOk());
        submit(unionId, id, 2).andExpect(status().isOk()).andExpect(jsonPath("$.round").value(2));
        assertThat(filings.find(id).orElseThrow().usedUploadIds()).containsExactly(uploadId);
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
    void theMembershipAuditIsDueFifteenDaysAfterCompletionAndLateOnesAreFlagged() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.MEMBERSHIP_AUDIT);
        Map<String, Object> late = new LinkedHashMap<>(sample.form());
        late.put("completedOn", "2026-11-01");
        String lateId = created(unionId, sample.type(), late, sample.attachments(unionId));
        String onTimeId = created(unionId, sample.type(), sample.form(), sample.attachments(unionId)); // completed 11-15

        view(unionId, lateId).andExpect(jsonPath("$.dueBy").value("2026-11-16"))
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.daysLeft").value(-4));
        view(unionId, onTimeId).andExpect(jsonPath("$.dueBy").value("2026-11-30"))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.daysLeft").value(10));
        mvc.perform(get("/api/union/filings").with(union(unionId))).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.filingId == '" + lateId + "')].overdue").value(true))
                .andExpect(jsonPath("$[?(@.filingId == '" + onTimeId + "')].daysLeft").value(10));

        submit(unionId, onTimeId, 0).andExpect(status().isOk());
        clock.setDay(LocalDate.of(2026, 12, 5));
        view(unionId, onTimeId).andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.daysLeft").doesNotExist());
        submit(unionId, lateId, 0).andExpect(status().isOk()).andExpect(jsonPath("$.overdue").value(true));

        FilingSubmitted lateEvent = json.readValue(KafkaTestClient.awaitOne(brokers, Topics.FILING_SUBMITTED, lateId,
                WAIT).value(), FilingSubmitted.class);
        assertThat(lateEvent.dueBy()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(lateEvent.overdue()).isTrue();
        FilingSubmitted onTimeEvent = json.readValue(KafkaTestClient.awaitOne(brokers, Topics.FILING_SUBMITTED,
                onTimeId, WAIT).value(), FilingSubmitted.class);
        assertThat(onTimeEvent.dueBy()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(onTimeEvent.overdue()).isFalse();
    }

    @Test
    void anotherUnionCannotReadEditSubmitOrDeleteTheFiling() throws Exception {
        String a = activate(TestUnions.details());
        String b = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.REPRESENTATIVE_CHANGE);
        String id = created(a, sample.type(), sample.form(), sample.attachments(a));

        expectNotFound(view(b, id));
        expectNotFound(update(b, id, sample.corrected(), sample.attachments(a), 0));
        expectNotFound(submit(b, id, 0));
        expectNotFound(mvc.perform(delete("/api/union/filings/{id}", id).with(union(b))));
        mvc.perform(get("/api/union/filings").with(union(b))).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/union/profiles/{id}", a).with(union(b))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_YOUR_UNION"));

        view(a, id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.revision").value(0));
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
    void aStaleRevisionIsRefusedOnEditAndSubmit() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.FINAL_ACCOUNTS);
        String id = created(unionId, sample.type(), sample.form(), sample.attachments(unionId));
        update(unionId, id, sample.corrected(), sample.attachments(unionId), 0).andExpect(status().isOk());

        update(unionId, id, sample.form(), sample.attachments(unionId), 0).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FILING_CHANGED"));
        submit(unionId, id, 0).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("FILING_CHANGED"));
        mvc.perform(post("/api/union/filings/{id}/submit", id).with(union(unionId))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("revision"));
        view(unionId, id).andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.form.expenditure").value(860000));

        submit(unionId, id, 1).andExpect(status().isOk());
        update(unionId, id, sample.form(), sample.attachments(unionId), 2).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FILING_NOT_EDITABLE"));
        submit(unionId, id, 2).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FILING_NOT_SUBMITTABLE"));
    }

    @Test
    void onlyDraftsAreDeleted() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.WORK_PLAN_BUDGET);
        String draft = created(unionId, sample.type(), sample.form(), sample.attachments(unionId));
        String sent = created(unionId, sample.type(), sample.form(), sample.attachments(unionId));
        submit(unionId, sent, 0).andExpect(status().isOk());

        mvc.perform(delete("/api/union/filings/{id}", draft).with(union(unionId))).andExpect(status().isNoContent());
        expectNotFound(view(unionId, draft));
        mvc.perform(delete("/api/union/filings/{id}", sent).with(union(unionId))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FILING_NOT_DELETABLE"));
        view(unionId, sent).andExpect(status().isOk());
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

    @Test
    void aRedeliveredDecisionAppliesOnce() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.ADDRESS_CHANGE);
        String id = submitted(unionId, sample);
        FilingDecided accepted = FilingDecided.of(id, "corr-" + id, unionId, unionId, sample.type().name(),
                sample.type().label(), 1, Outcome.ACCEPTED, null, "officer-approver");

        send(accepted);
        send(accepted); // redelivered
        // republished with a new event id: the same decision all the same
        send(FilingDecided.of(id, "corr-" + id, unionId, unionId, sample.type().name(), sample.type().label(), 1,
                Outcome.ACCEPTED, null, "officer-approver"));
        awaitMarker(unionId);

        view(unionId, id).andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.history[?(@.action == 'ACCEPTED')]", hasSize(1)));
        mvc.perform(get("/api/union/profile").with(union(unionId)))
                .andExpect(jsonPath("$.changes", hasSize(1)))
                .andExpect(jsonPath("$.address.street").value("中正路 500 號"));
    }

    @Test
    void aDecisionForAnotherRoundIsIgnored() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.REPRESENTATIVE_CHANGE);
        String id = submitted(unionId, sample);
        decide(unionId, sample.type(), id, 1, Outcome.RETURNED, "請附選舉會議紀錄");
        awaitStatus(unionId, id, "RETURNED");
        update(unionId, id, sample.corrected(), sample.attachments(unionId), 1).andExpect(status().isOk());
        submit(unionId, id, 2).andExpect(status().isOk()).andExpect(jsonPath("$.round").value(2));

        decide(unionId, sample.type(), id, 1, Outcome.ACCEPTED, null); // stale: round 1 was returned
        decide(unionId, sample.type(), id, 2, Outcome.RETURNED, "第二次補正");
        awaitStatus(unionId, id, "RETURNED");

        view(unionId, id).andExpect(jsonPath("$.returnReason").value("第二次補正"))
                .andExpect(jsonPath("$.round").value(2))
                .andExpect(jsonPath("$.history[?(@.action == 'ACCEPTED')]").isEmpty());
        mvc.perform(get("/api/union/profile").with(union(unionId)))
                .andExpect(jsonPath("$.representative").value("王大明"))
                .andExpect(jsonPath("$.changes").isEmpty());
    }

    @Test
    void aDecisionOnAnUnknownFilingGoesToTheDeadLetterTopic() {
        String unknown = "F-UNKNOWN" + UUID.randomUUID().toString().substring(0, 6);
        send(FilingDecided.of(unknown, "corr-" + unknown, "u-1", "u-1", "ADDRESS_CHANGE", "會址變更", 1,
                Outcome.ACCEPTED, null, "officer"));

        KafkaTestClient.awaitOne(brokers, "error." + Topics.FILING_DECIDED + ".union-affairs-service", unknown, WAIT);
    }

    @Test
    void aCrashBetweenTheProfileAndTheFilingIsRepairedByTheRedelivery() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.MEMBERSHIP_AUDIT);
        String id = submitted(unionId, sample);
        // the profile took the change in, then the service stopped before the filing's write
        Filing filing = filings.find(id).orElseThrow();
        ProfileEffects.Effect effect = ProfileEffects.of(filing).orElseThrow();
        profiles.applyChange(unionId, FilingDecisions.decisionKey(filing), effect.update(),
                new ProfileChange(clock.instant(), id, filing.type().name(), effect.description()));

        decide(unionId, sample.type(), id, 1, Outcome.ACCEPTED, null); // the redelivery
        awaitStatus(unionId, id, "ACCEPTED");

        mvc.perform(get("/api/union/profile").with(union(unionId)))
                .andExpect(jsonPath("$.changes", hasSize(1)))
                .andExpect(jsonPath("$.members.total").value(44));
    }

    @Test
    void officersReadSubmittedFilingsOfAUnionButNotItsDrafts() throws Exception {
        String unionId = activate(TestUnions.details());
        SampleFilings sample = SampleFilings.of(FilingType.CHARTER_AMENDMENT);
        String draft = created(unionId, sample.type(), sample.form(), sample.attachments(unionId));
        String sent = submitted(unionId, sample);

        for (String role : List.of("reviewer", "approver")) {
            mvc.perform(get("/api/union/profiles/{u}/filings", unionId).with(officer(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(1)))
                    .andExpect(jsonPath("$[0].filingId").value(sent));
            mvc.perform(get("/api/union/profiles/{u}/filings/{id}", unionId, sent).with(officer(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.unionId").value(unionId))
                    .andExpect(jsonPath("$.form.summary").value("修正第 5 條會員資格"));
            expectNotFound(mvc.perform(get("/api/union/profiles/{u}/filings/{id}", unionId, draft).with(officer(role))));
            expectNotFound(mvc.perform(get("/api/union/profiles/{u}/filings/{id}", "other", sent).with(officer(role))));
        }
        mvc.perform(put("/api/union/filings/{id}", sent).with(officer("approver"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"revision\":1}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/union/filings/{id}/submit", sent).with(officer("reviewer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"revision\":1}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/union/profiles/{u}/filings", unionId).with(union(unionId)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/union/filings").with(officer("ops"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/union/filings")).andExpect(status().isUnauthorized());

        // every officer read of the union's data is on record, with who and from where; the union's own reads are not
        mvc.perform(get("/api/union/profiles/{u}", unionId).with(officer("reviewer"))
                .with(request -> {
                    request.setRemoteAddr("203.0.113.50"); // what the remote-IP valve makes of the gateway's header
                    return request;
                })).andExpect(status().isOk());
        mvc.perform(get("/api/union/profiles/{u}", unionId).with(union(unionId))).andExpect(status().isOk());
        List<Document> reads = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("unionId").is(unionId)), Document.class,
                tw.laborcloud.unionaffairs.access.OfficerReads.COLLECTION);
        assertThat(reads).extracting(r -> r.getString("what"))
                .containsExactlyInAnyOrder("FILINGS", "FILING " + sent, "FILINGS", "FILING " + sent, "PROFILE");
        assertThat(reads).filteredOn(r -> "PROFILE".equals(r.getString("what"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.getList("roles", String.class)).containsExactly("reviewer");
                    assertThat(r.getString("remoteAddress")).isEqualTo("203.0.113.50");
                });
    }

    // --- helpers -------------------------------------------------------------------------

    private String activate(UnionDetails details) {
        AccountActivated event = TestUnions.activation(details);
        KafkaTestClient.send(brokers, Topics.ACCOUNT_ACTIVATED, event.applicationId(), json.writeValueAsString(event));
        await().atMost(WAIT).until(() -> mongo.findById(event.unionId(), Document.class, UnionProfile.COLLECTION) != null);
        return event.unionId();
    }

    private ResultActions create(String unionId, FilingType type, Map<String, Object> form,
            List<AttachmentRef> attachments) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type == null ? null : type.name());
        body.put("form", form);
        body.put("attachments", attachments);
        return mvc.perform(post("/api/union/filings").with(union(unionId)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private String created(String unionId, FilingType type, Map<String, Object> form, List<AttachmentRef> attachments)
            throws Exception {
        String body = create(unionId, type, form, attachments).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        return json.readTree(body).get("filingId").asString();
    }

    /** A filing of the sample submitted once (round 1), its event published. */
    private String submitted(String unionId, SampleFilings sample) throws Exception {
        String id = created(unionId, sample.type(), sample.form(), sample.attachments(unionId));
        submit(unionId, id, 0).andExpect(status().isOk());
        await().atMost(WAIT).until(() -> filings.find(id).orElseThrow().pendingEvents().isEmpty());
        return id;
    }

    private ResultActions update(String unionId, String id, Map<String, Object> form, List<AttachmentRef> attachments,
            long revision) throws Exception {
        return mvc.perform(put("/api/union/filings/{id}", id).with(union(unionId))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        Map.of("form", form, "attachments", attachments, "revision", revision))));
    }

    private ResultActions submit(String unionId, String id, long revision) throws Exception {
        return mvc.perform(post("/api/union/filings/{id}/submit", id).with(union(unionId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"revision\":" + revision + "}"));
    }

    private ResultActions view(String unionId, String id) throws Exception {
        return mvc.perform(get("/api/union/filings/{id}", id).with(union(unionId)));
    }

    private static void expectNotFound(ResultActions result) throws Exception {
        result.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("FILING_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("查無此申請案件。"));
    }

    private void decide(String unionId, FilingType type, String id, int round, Outcome outcome, String reason) {
        send(FilingDecided.of(id, "corr-" + id, unionId, unionId, type.name(), type.label(), round, outcome, reason,
                "officer-approver"));
    }

    private void send(FilingDecided decided) {
        KafkaTestClient.send(brokers, Topics.FILING_DECIDED, PARTITION, decided.applicationId(),
                json.writeValueAsString(decided));
    }

    /** A decision on a fresh filing, sent after the ones under test on the same partition: once it shows, they were handled. */
    private void awaitMarker(String unionId) throws Exception {
        SampleFilings sample = SampleFilings.of(FilingType.FINAL_ACCOUNTS);
        String marker = submitted(unionId, sample);
        decide(unionId, sample.type(), marker, 1, Outcome.RETURNED, "marker");
        awaitStatus(unionId, marker, "RETURNED");
    }

    private void awaitStatus(String unionId, String id, String expected) {
        await().atMost(WAIT).untilAsserted(() -> view(unionId, id).andExpect(jsonPath("$.status").value(expected)));
    }

    private List<FilingSubmitted> submittedEvents(String id, int count) {
        await().atMost(WAIT).until(() -> filings.find(id).orElseThrow().pendingEvents().isEmpty());
        List<FilingSubmitted> events = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            events.clear();
            KafkaTestClient.readAll(brokers, Topics.FILING_SUBMITTED, id, Duration.ofSeconds(3))
                    .forEach(r -> events.add(json.readValue(r.value(), FilingSubmitted.class)));
            assertThat(events).hasSize(count);
        });
        return events;
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
