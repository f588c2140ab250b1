package tw.laborcloud.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets of ./run --prod: made once per data folder, kept for its restarts, each service given only its own. */
class StackSecretsTests {

    @TempDir
    Path dataDir;

    @Test
    void theSecretsAreMadeAtTheFirstStartAndFoundAgainAtTheNext() throws Exception {
        StackSecrets first = StackSecrets.of(dataDir);
        StackSecrets again = StackSecrets.of(dataDir);

        assertThat(first.get(StackSecrets.UPLOAD_TICKET)).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(again.get(StackSecrets.UPLOAD_TICKET)).isNotEqualTo(first.get(StackSecrets.GATEWAY_CLIENT));
        assertThat(StackSecrets.of(Files.createTempDirectory(dataDir, "other")).get(StackSecrets.UPLOAD_TICKET))
                .as("another data folder, other secrets").isNotEqualTo(first.get(StackSecrets.UPLOAD_TICKET));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
    }

    @Test
    void eachServiceIsGivenOnlyWhatItReads() throws Exception {
        StackSecrets secrets = StackSecrets.of(dataDir);

        String gateway = Files.readString(secrets.fileFor("gateway").orElseThrow());
        assertThat(gateway).contains(StackSecrets.GATEWAY_CLIENT + "=" + secrets.get(StackSecrets.GATEWAY_CLIENT))
                .doesNotContain(StackSecrets.UPLOAD_TICKET, StackSecrets.KEYCLOAK_ADMIN_PASSWORD);
        String registration = Files.readString(secrets.fileFor("registration-service").orElseThrow());
        assertThat(registration).contains(StackSecrets.UPLOAD_TICKET, StackSecrets.KEYCLOAK_ADMIN_CLIENT)
                .doesNotContain(StackSecrets.GATEWAY_CLIENT, StackSecrets.KEYCLOAK_ADMIN_PASSWORD);
        assertThat(secrets.fileFor("review-service")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.fileFor("gateway").orElseThrow())))
                .isEqualTo("rw-------");
    }

    @Test
    void aDataFolderWithTheDevelopmentRealmIsNotStartedWithTheProductionOneNorTheOtherWayRound() throws Exception {
        StackConfig prod = StackConfig.builder().dataDir(dataDir).repoRoot(dataDir).prod(true).build();
        StackConfig dev = prod.toBuilder().prod(false).build();
        // the development realm's database, as an earlier ./run left it (no marker yet)
        Files.createDirectories(dataDir.resolve("keycloak"));
        Files.writeString(dataDir.resolve("keycloak/keycloakdb.mv.db"), "");

        new KeycloakServer(dev, null).checkRealmKind();
        assertThatThrownBy(() -> new KeycloakServer(prod, StackSecrets.of(dataDir)).checkRealmKind())
                .isInstanceOf(StackException.class).hasMessageContaining("development realm")
                .hasMessageContaining("--prod --data .data-prod");
    }
}
