package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two realms: the development one ({@code ./run}, the tests) and the production one (compose,
 * Kubernetes), which has nothing of development: no users with passwords, no password-grant client,
 * no secret written in it, brute-force detection on, the form's password rule.
 */
class RealmFilesTests {

    static JsonNode realm(String file) throws IOException {
        try (InputStream in = RealmFilesTests.class.getClassLoader().getResourceAsStream("keycloak/" + file)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    static final JsonNode DEV;
    static final JsonNode PROD;

    static {
        try {
            DEV = realm("laborcloud-realm.json");
            PROD = realm("laborcloud-realm.prod.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theProductionRealmHasNoUserWithAPasswordAndNoPasswordGrantClient() {
        for (JsonNode user : PROD.path("users")) {
            assertThat(user.path("username").asString()).startsWith("service-account-");
            assertThat(user.path("credentials").isEmpty()).isTrue();
        }
        for (JsonNode client : PROD.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(client.path("clientId").asString())
                    .isFalse();
            assertThat(client.path("publicClient").asBoolean(false)).as(client.path("clientId").asString()).isFalse();
        }
        assertThat(clientIds(PROD)).doesNotContain("labor-test");
    }

    @Test
    void everySecretAndAddressOfTheProductionRealmComesFromTheEnvironment() {
        for (JsonNode client : PROD.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.path("secret").asString()).matches("\\$\\{LABORCLOUD_[A-Z_]+}");
            }
            for (JsonNode uri : client.path("redirectUris")) {
                assertThat(uri.asString()).startsWith("${LABORCLOUD_PUBLIC_URL}");
            }
        }
        assertThat(PROD.path("smtpServer").path("password").asString()).isEqualTo("${LABORCLOUD_SMTP_PASSWORD}");
        assertThat(PROD.toString()).doesNotContain("dev-secret").doesNotContain("localhost");
    }

    @Test
    void bothRealmsDetectBruteForceAndAskForTheFormsPasswordRule() {
        for (JsonNode realm : List.of(DEV, PROD)) {
            assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(realm.path("passwordPolicy").asString())
                    .isEqualTo("length(8) and maxLength(128) and digits(1) and lowerCase(1) and upperCase(1)");
        }
    }

    @Test
    void theClientsOfPeopleIssueTokensForTheServicesAudienceInBothRealms() {
        for (JsonNode realm : List.of(DEV, PROD)) {
            List<String> withAudience = new ArrayList<>();
            for (JsonNode client : realm.path("clients")) {
                for (JsonNode mapper : client.path("protocolMappers")) {
                    if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asString())
                            && "laborcloud-services".equals(mapper.path("config").path("included.custom.audience").asString())) {
                        withAudience.add(client.path("clientId").asString());
                    }
                }
            }
            assertThat(withAudience).contains("gateway", "review").doesNotContain("labor-backend");
        }
        assertThat(roles(PROD)).isEqualTo(roles(DEV));
    }

    private static Set<String> clientIds(JsonNode realm) {
        Set<String> ids = new TreeSet<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asString()));
        return ids;
    }

    private static Set<String> roles(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> names.add(r.path("name").asString()));
        return names;
    }
}
