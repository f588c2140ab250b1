package tw.laborcloud.review;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tw.laborcloud.review.audit.AuditTrail;
import tw.laborcloud.review.cases.Cases;

/**
 * What the review-service scenarios share: the Spring context (one per concrete class, on the
 * infrastructure its {@code infra} method registers), the officers' tokens, the JSON requests as
 * the gateway passes them on, and the events that make a case.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
abstract class ReviewScenarioSupport {

    @Value("${laborcloud.kafka.brokers}")
    String brokers;
    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    AuditTrail audit;
    CaseEvents events;

    @BeforeEach
    void events() {
        events = new CaseEvents(brokers, cases);
    }

    static JwtRequestPostProcessor officer(String username, String... roles) {
        return jwt().jwt(j -> j.claim("preferred_username", username))
                .authorities(Arrays.stream(roles).map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    static final JwtRequestPostProcessor REVIEWER = officer("reviewer1", "reviewer");
    static final JwtRequestPostProcessor APPROVER = officer("approver1", "approver");

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(from("10.0.0.7"));
    }

    /** The address the service sees a request come from (what the remote-IP valve makes of the gateway's header). */
    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    void propose(String applicationId, String body, JwtRequestPostProcessor who) throws Exception {
        mvc.perform(json(post("/api/review/cases/" + applicationId + "/proposal"), body).with(who))
                .andExpect(status().isOk());
    }
}
