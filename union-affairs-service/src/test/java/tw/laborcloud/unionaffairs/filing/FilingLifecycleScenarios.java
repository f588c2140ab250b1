package tw.laborcloud.unionaffairs.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tw.laborcloud.events.Topics;
import tw.laborcloud.events.affairs.FilingSubmitted;
import tw.laborcloud.events.affairs.FilingSubmitted.FormField;
import tw.laborcloud.events.registration.RegistrationSubmitted.SubmittedDocument;
import tw.laborcloud.events.review.FilingDecided;
import tw.laborcloud.events.review.FilingDecided.Outcome;
import tw.laborcloud.platform.test.KafkaTestClient;
import tw.laborcloud.platform.uploads.TestUploadTickets;
import tw.laborcloud.unionaffairs.it.TestUnions;
import tw.laborcloud.unionaffairs.profile.UnionProfile.ProfileChange;
import tw.laborcloud.unionaffairs.profile.UnionProfiles;

/**
 * A filing's way from draft to the bureau's decision: the types and their forms, submission,
 * return and resubmission, deadlines, and the decisions as they arrive (redelivered, stale,
 * for an unknown filing, after a crash).
 */
abstract class FilingLifecycleScenarios extends FilingScenarioSupport {

    @Autowired
    UnionProfiles profiles;

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

    /** A decision on a fresh filing, sent after the ones under test on the same partition: once it shows, they were handled. */
    private void awaitMarker(String unionId) throws Exception {
        SampleFilings sample = SampleFilings.of(FilingType.FINAL_ACCOUNTS);
        String marker = submitted(unionId, sample);
        decide(unionId, sample.type(), marker, 1, Outcome.RETURNED, "marker");
        awaitStatus(unionId, marker, "RETURNED");
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
}
