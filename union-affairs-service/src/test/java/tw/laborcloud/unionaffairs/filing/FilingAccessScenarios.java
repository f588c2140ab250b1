package tw.laborcloud.unionaffairs.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static tw.laborcloud.unionaffairs.it.TestUnions.officer;
import static tw.laborcloud.unionaffairs.it.TestUnions.union;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import tw.laborcloud.unionaffairs.it.TestUnions;

/**
 * Who may read, change, submit or delete a filing, and when: another union, the officers,
 * a stale revision, a filing no longer a draft.
 */
abstract class FilingAccessScenarios extends FilingScenarioSupport {

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

    private static void expectNotFound(ResultActions result) throws Exception {
        result.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("FILING_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("查無此申請案件。"));
    }
}
