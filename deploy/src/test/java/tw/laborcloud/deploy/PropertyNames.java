package tw.laborcloud.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The configuration a service reads, derived from its code: the keys and ${...} placeholders of its
 * application.yml, of the platform's laborcloud-defaults.properties (for the services built on the platform),
 * the names its Java sources read (@Value placeholders, property-name literals, @ConfigurationProperties
 * prefixes), and what Spring Boot itself reads (the configuration metadata of Boot's modules on this classpath).
 * A name is compared in the form of an environment variable (relaxed binding: upper case, dots to underscores,
 * dashes dropped, or, as Boot also accepts, dashes to underscores).
 */
final class PropertyNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:laborcloud|spring|server|management)\\.[a-z0-9.\\-]+)\"");
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.\\-]+)\"\\)");

    /** Spring Boot's own names, and those of its maps (a map takes any key below its name). */
    private static final Set<String> BOOT_NAMES = new TreeSet<>();
    private static final Set<String> BOOT_MAPS = new TreeSet<>();

    static {
        try {
            for (URL url : Collections.list(PropertyNames.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : Manifests.YAML.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        BOOT_NAMES.add(envName(name));
                        BOOT_NAMES.add(legacyEnvName(name));
                        if (property.path("type").asString().startsWith("java.util.Map")) {
                            BOOT_MAPS.add(envName(name));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Set<String> names = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();

    private PropertyNames() {
    }

    /** What the service reads: its own module and, unless it is the gateway, the platform's. */
    static PropertyNames of(String service) {
        PropertyNames read = new PropertyNames();
        Path repository = Manifests.repository();
        read.module(repository.resolve(service));
        if (!service.equals("gateway")) {
            read.module(repository.resolve("platform"));
        }
        return read;
    }

    /** Whether the service reads the environment variable of this name. */
    boolean readsVariable(String variable) {
        if (variable.equals("JAVA_TOOL_OPTIONS")) {
            return true; // the JVM's own
        }
        return names.contains(variable) || BOOT_NAMES.contains(variable)
                || Stream.concat(prefixes.stream(), BOOT_MAPS.stream()).anyMatch(p -> variable.startsWith(p + "_"));
    }

    /** Whether the service reads this property (a dotted name, as in a configuration file). */
    boolean readsProperty(String property) {
        return readsVariable(envName(property));
    }

    static String envName(String property) {
        return property.replaceAll("\\[[^]]*]", "").replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** The form Spring Boot also accepts, with dashes as underscores (SPRING_CONFIG_ADDITIONAL_LOCATION). */
    static String legacyEnvName(String property) {
        return envName(property.replace('-', '_'));
    }

    /** Every key of a YAML configuration file, as dotted names (down to the values; lists end a name). */
    static Set<String> keysOf(JsonNode yaml) {
        Set<String> keys = new TreeSet<>();
        collect("", yaml, keys);
        return keys;
    }

    private void module(Path module) {
        Path resources = module.resolve("src/main/resources");
        try {
            Path yml = resources.resolve("application.yml");
            if (Files.exists(yml)) {
                String text = Files.readString(yml);
                keysOf(Manifests.YAML.readTree(text)).forEach(this::add);
                placeholders(text);
            }
            Path defaults = resources.resolve("laborcloud-defaults.properties");
            if (Files.exists(defaults)) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(defaults)) {
                    properties.load(in);
                }
                properties.forEach((key, value) -> {
                    add(key.toString());
                    placeholders(value.toString());
                });
            }
            try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(source);
                    placeholders(text);
                    matches(LITERAL, text).forEach(this::add);
                    // a prefix below the top level only: @ConfigurationProperties("laborcloud") would take every name;
                    // that class's keys are in the module's application.yml
                    matches(PROPERTIES_PREFIX, text).stream().filter(p -> p.contains("."))
                            .forEach(p -> prefixes.add(envName(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void placeholders(String text) {
        matches(PLACEHOLDER, text).forEach(this::add);
    }

    private void add(String property) {
        names.add(envName(property));
        names.add(legacyEnvName(property));
    }

    private static List<String> matches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static void collect(String prefix, JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys);
            }
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }
}
