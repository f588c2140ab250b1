package tw.laborcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The images of the services (profile {@code images}, Jib), checked where no registry can be reached: the
 * configuration each deployable module gets from the root pom's plugin management and its own
 * {@code laborcloud.image.*} properties, resolved as Maven would (the module's properties over the root's).
 */
class ContainerImagesTests {

    /** Every module that runs as a service of its own, and the port it listens on. */
    static final Map<String, Integer> DEPLOYABLE = Map.of("gateway", 8080, "registration-service", 8081,
            "document-service", 8082, "review-service", 8083, "notification-service", 8084,
            "union-affairs-service", 8085, "ops-console", 8086);
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}$");

    @Test
    void theImagesAreBuiltOnlyWhenAskedAndOnAJre25BasePinnedByDigest() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        Map<String, String> properties = properties(root);
        assertThat(properties.get("jib.skip")).as("images are built only with -Djib.skip=false").isEqualTo("true");
        assertThat(properties.get("laborcloud.image.base")).startsWith("eclipse-temurin:25-jre").containsPattern(DIGEST);
        Element profile = child(byId(root.getDocumentElement(), "profiles", "profile", "images"), "build");
        String binding = text(profile);
        assertThat(binding).contains("jib-maven-plugin").contains("package").contains("build");
        // the one base image built by hand (Tesseract for document-service) starts from the same pinned JRE
        String dockerfile = Files.readString(ROOT.resolve("deploy/images/document-base/Dockerfile"));
        assertThat(dockerfile).contains("FROM " + properties.get("laborcloud.image.base"))
                .containsPattern("(?m)^USER [1-9][0-9]*$");
    }

    @Test
    void everyServiceHasItsImageRunAsANonRootUserWithMemoryFromItsLimitAndTheProdProfile() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        Element jib = pluginManagementPlugin(root, "jib-maven-plugin");
        assertThat(jib).as("jib-maven-plugin in the root's plugin management").isNotNull();
        for (Map.Entry<String, Integer> module : DEPLOYABLE.entrySet()) {
            Document pom = read(ROOT.resolve(module.getKey()).resolve("pom.xml"));
            assertThat(text(child(pom.getDocumentElement(), "build"))).as(module.getKey() + " declares Jib")
                    .contains("jib-maven-plugin");
            Map<String, String> effective = properties(root);
            effective.putAll(properties(pom));
            effective.put("project.artifactId", module.getKey());
            effective.put("project.version", "0.1.0-SNAPSHOT");
            Element container = child(child(jib, "configuration"), "container");
            String mainClass = resolve(text(child(container, "mainClass")), effective);
            Path source = ROOT.resolve(module.getKey()).resolve("src/main/java")
                    .resolve(mainClass.replace('.', '/') + ".java");
            assertThat(source).as(module.getKey() + "'s main class").exists();
            assertThat(Files.readString(source)).contains("public static void main(String[] args)");
            assertThat(resolve(text(child(child(container, "ports"), "port")), effective))
                    .as(module.getKey() + "'s port").isEqualTo(String.valueOf(module.getValue()));
            String user = resolve(text(child(container, "user")), effective);
            assertThat(user).as(module.getKey() + "'s user").matches("[1-9][0-9]*(:[1-9][0-9]*)?");
            // memory from the container's limit, in a form a deployment can override (not fixed in the entrypoint)
            assertThat(child(container, "jvmFlags")).as(module.getKey() + "'s fixed JVM flags").isNull();
            assertThat(text(child(child(container, "environment"), "JAVA_TOOL_OPTIONS"))).as(module.getKey())
                    .containsPattern("-XX:MaxRAMPercentage=\\d+").contains("-XX:+ExitOnOutOfMemoryError")
                    .doesNotContain("-Xmx");
            assertThat(text(child(child(container, "environment"), "SPRING_PROFILES_ACTIVE"))).isEqualTo("prod");
            String labels = text(child(container, "labels"));
            assertThat(resolve(labels, effective)).contains(":" + module.getValue() + "/actuator/health/readiness")
                    .contains(":" + module.getValue() + "/actuator/health/liveness");
            String base = resolve(text(child(child(child(jib, "configuration"), "from"), "image")), effective);
            if (module.getKey().equals("document-service")) {
                assertThat(base).as("document-service needs Tesseract").endsWith("/document-base:1");
            } else {
                assertThat(base).containsPattern(DIGEST);
            }
            assertThat(resolve(text(child(child(child(jib, "configuration"), "to"), "image")), effective))
                    .isEqualTo("laborcloud/" + module.getKey() + ":0.1.0-SNAPSHOT");
        }
    }

    @Test
    void onlyTheServicesHaveImages() throws IOException {
        try (var modules = Files.list(ROOT)) {
            List<String> withJib = modules.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .filter(d -> {
                        try {
                            return Files.readString(d.resolve("pom.xml")).contains("<artifactId>jib-maven-plugin</artifactId>");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(d -> d.getFileName().toString()).toList();
            assertThat(withJib).containsExactlyInAnyOrderElementsOf(DEPLOYABLE.keySet());
        }
    }

    // ---- a little XML

    static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    static Map<String, String> properties(Document pom) {
        Map<String, String> out = new HashMap<>();
        Element properties = child(pom.getDocumentElement(), "properties");
        if (properties != null) {
            for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    out.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return out;
    }

    static String resolve(String value, Map<String, String> properties) {
        String current = value;
        for (int i = 0; i < 5; i++) {
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current;
    }

    static Element pluginManagementPlugin(Document pom, String artifactId) {
        Element plugins = child(child(child(pom.getDocumentElement(), "build"), "pluginManagement"), "plugins");
        for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && artifactId.equals(text(child(e, "artifactId")))) {
                return e;
            }
        }
        return null;
    }

    static Element byId(Element parent, String list, String item, String id) {
        NodeList items = child(parent, list).getElementsByTagName(item);
        for (int i = 0; i < items.getLength(); i++) {
            Element e = (Element) items.item(i);
            if (id.equals(text(child(e, "id")))) {
                return e;
            }
        }
        throw new AssertionError("no " + item + " " + id);
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String text(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }
}
