package tw.laborcloud.ops.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Personal data is found wherever it sits and masked as the platform masks it ({@code PersonalData}). */
class PayloadMaskerTests {

    final PayloadMasker masker = new PayloadMasker(JsonMapper.builder().build());

    @Test
    void masksPersonalFieldsAtAnyDepthAndHidesSecrets() {
        String masked = masker.maskPayload("""
                {"contactEmail":"clerk.chen@example.tw","unionName":"新北市測試職業工會","emailConfirmationToken":"abc123",
                 "submissionCopy":"JVBERi0xLjcgY29weQ==","details":{"representative":"王小明","contactName":"陳安","contactPhone":"02-2960-3456#12",
                  "fax":"02-2960-0000","backupEmail":"b@mail.example.org","members":{"male":3}},
                 "documents":[{"kind":"CHARTER","note":"寄給 someone.else@example.com"}]}
                """);
        assertThat(masked)
                .contains("\"contactEmail\":\"c***@example.tw\"")
                .contains("\"representative\":\"王**\"")
                .contains("\"contactName\":\"陳*\"")
                .contains("\"contactPhone\":\"*********612\"")
                .contains("\"fax\":\"*******000\"")
                .contains("\"emailConfirmationToken\":\"（已隱藏）\"")
                .contains("\"submissionCopy\":\"（已隱藏）\"").doesNotContain("JVBERi0")
                .contains("\"backupEmail\":\"b***@mail.example.org\"")
                .contains("寄給 s***@example.com")
                .contains("新北市測試職業工會")
                .contains("\"male\":3")
                .doesNotContain("clerk.chen").doesNotContain("abc123").doesNotContain("王小明").doesNotContain("陳安");
    }

    @Test
    void textThatIsNotJsonIsMaskedToo() {
        assertThat(masker.maskPayload("{not json contactEmail=clerk@example.tw"))
                .isEqualTo("{not json contactEmail=c***@example.tw");
        assertThat(PayloadMasker.maskText("RegistrationSubmitted[contactName=王小明, contactPhone=0912345678, "
                + "emailConfirmationToken=xyz, contactEmail=a.b@c.tw]"))
                .isEqualTo("RegistrationSubmitted[contactName=王**, contactPhone=*******678, "
                        + "emailConfirmationToken=（已隱藏）, contactEmail=a***@c.tw]");
        assertThat(PayloadMasker.maskHeaders(Map.of("emailConfirmationToken", "x", "eventId", "e-1")))
                .containsEntry("emailConfirmationToken", PayloadMasker.HIDDEN).containsEntry("eventId", "e-1");
    }
}
