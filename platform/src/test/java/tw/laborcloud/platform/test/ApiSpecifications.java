package tw.laborcloud.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The published API descriptions ({@code docs/api/<service>.json}) against what a service describes at
 * {@code /v3/api-docs}: the build writes the current one to {@code target/api/}, and the test fails when it
 * differs from the published one, so an API does not change without its description. After a deliberate
 * change: {@code ./mvnw -pl <service> verify -Dlaborcloud.api-specs=write} rewrites the published file
 * (then review the diff and commit it with the change).
 */
public final class ApiSpecifications {

    private static final String WRITE = "laborcloud.api-specs";

    private ApiSpecifications() {
    }

    /** What the service behind {@code mvc} describes at {@code /v3/api-docs}, against its published description. */
    public static void assertPublished(MockMvc mvc, String service) throws Exception {
        String described = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertPublished(service, described);
    }

    /** Runs in the module's folder (Surefire's working directory); the published files are in the repository's. */
    public static void assertPublished(String service, String described) throws IOException {
        String current = described.replace("\r\n", "\n").strip() + "\n";
        Path built = Path.of("target", "api", service + ".json");
        Files.createDirectories(built.getParent());
        Files.writeString(built, current, StandardCharsets.UTF_8);
        Path published = Path.of("..", "docs", "api", service + ".json").toAbsolutePath().normalize();
        if ("write".equals(System.getProperty(WRITE))) {
            Files.createDirectories(published.getParent());
            Files.writeString(published, current, StandardCharsets.UTF_8);
        }
        assertThat(published).as("the published description of %s's API", service).exists();
        assertThat(Files.readString(published, StandardCharsets.UTF_8))
                .as("%s's API differs from %s (the current one is in %s): describe the change and run"
                        + " ./mvnw -pl %s verify -D%s=write to publish it", service, published, built.toAbsolutePath(),
                        service, WRITE)
                .isEqualTo(current);
    }
}
