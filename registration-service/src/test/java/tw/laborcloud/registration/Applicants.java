package tw.laborcloud.registration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.registration.registration.RegistrationForms;

/**
 * The applicant's side of the public API, as the registration page uses it, for the
 * integration tests (needs the captcha-fixed profile: every captcha's answer is TEST).
 */
final class Applicants {

    private static final AtomicInteger NEXT_CERTIFICATE = new AtomicInteger(10_000_000);

    private Applicants() {
    }

    /** A certificate number no other test of this JVM uses. */
    static String newCertificateNo() {
        return String.valueOf(NEXT_CERTIFICATE.incrementAndGet());
    }

    /** A fresh captcha's id. */
    static String captchaId(MockMvc mvc) throws Exception {
        String json = mvc.perform(get("/api/registrations/captcha")).andExpect(status().isOk())
                .andExpect(jsonPath("$.image").value(org.hamcrest.Matchers.startsWith("data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.captchaId");
    }

    /** The complete valid form with a fresh captcha, as JSON. */
    static String form(MockMvc mvc, String certificateNo, String email) throws Exception {
        return RegistrationForms.json(certificateNo, email, captchaId(mvc), "TEST");
    }

    /** The HTTP statuses of the same request sent by {@code times} threads at once. */
    static List<Integer> simultaneously(int times, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(Collections.nCopies(times, request))) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** Registers with the valid form (password {@link RegistrationForms#PASSWORD}); returns the application id. */
    static String register(MockMvc mvc, String certificateNo) throws Exception {
        String location = mvc.perform(post("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .content(form(mvc, certificateNo, "clerk@union.example")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
