package tw.laborcloud.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster's realm is the repository's production realm, with every placeholder taken from a Secret. */
class KeycloakRealmImportTests {

    private static final Path PROD_REALM = Path.of("infra/src/main/resources/keycloak/laborcloud-realm.prod.json");

    private final JsonNode realmImport = Manifests
            .find(Manifests.render(Manifests.base()), "KeycloakRealmImport", "laborcloud-realm").orElseThrow();

    @Test
    void theRealmImportCarriesTheProductionRealmUnchanged() throws IOException {
        JsonNode prodRealm = Manifests.YAML.readTree(Files.readString(Manifests.repository().resolve(PROD_REALM)));

        assertThat(realmImport.at("/spec/realm")).isEqualTo(prodRealm);
    }

    @Test
    void everyEnvironmentPlaceholderOfTheRealmComesFromASecret() throws IOException {
        String realm = Files.readString(Manifests.repository().resolve(PROD_REALM));
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(LABORCLOUD_[A-Z_]+)}").matcher(realm);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }

        assertThat(placeholders).isNotEmpty();
        assertThat(realmImport.at("/spec/placeholders").propertyNames()).containsExactlyInAnyOrderElementsOf(placeholders);
        realmImport.at("/spec/placeholders").forEach(p -> {
            assertThat(p.at("/secret/name").asString()).isNotEmpty();
            assertThat(p.at("/secret/key").asString()).isNotEmpty();
        });
    }

    @Test
    void theRealmIsImportedIntoTheClustersKeycloak() {
        assertThat(realmImport.at("/spec/keycloakCRName").asString()).isEqualTo(Manifests
                .ofKind(Manifests.render(Manifests.base()), "Keycloak").findFirst().map(Manifests::name).orElseThrow());
    }
}
