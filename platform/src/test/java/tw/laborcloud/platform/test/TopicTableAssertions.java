package tw.laborcloud.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import tw.laborcloud.events.Topics;

/**
 * Checks a service against the topic table ({@link Topics#ALL}), from which the Kafka ACLs are granted: what it
 * reads (its consumer bindings in application.yml) and what it writes (the events its own code creates). A service
 * that binds a topic the table does not give it would be refused by the broker; these checks say so at build time.
 */
public final class TopicTableAssertions {

    private static final String BINDINGS = "spring.cloud.stream.bindings.";

    private TopicTableAssertions() {
    }

    /**
     * The service's application.yml: every function of {@code spring.cloud.function.definition} is bound
     * ({@code <function>-in-0}) to a destination, the destinations are exactly the topics the table says its group
     * reads, and no binding names another group than the service ({@code spring.application.name}).
     *
     * @return the service name the application.yml declares
     */
    public static String assertConsumerBindingsMatchTheTopicTable() {
        Properties yml = applicationYml();
        String service = yml.getProperty("spring.application.name");
        assertThat(service).as("spring.application.name").isNotBlank();
        Set<String> functions = Arrays.stream(yml.getProperty("spring.cloud.function.definition", "").split(";"))
                .map(String::strip).filter(f -> !f.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        SortedMap<String, String> destinations = new TreeMap<>();
        for (String key : yml.stringPropertyNames()) {
            if (key.startsWith(BINDINGS) && key.endsWith(".destination")) {
                destinations.put(key.substring(BINDINGS.length(), key.length() - ".destination".length()),
                        yml.getProperty(key));
            }
            if (key.startsWith(BINDINGS) && key.endsWith(".group")) {
                assertThat(yml.getProperty(key)).as(key + ": the consumer group is the service's name")
                        .isEqualTo(service);
            }
        }
        assertThat(destinations.keySet()).as(service + ": one input binding per function of the definition")
                .isEqualTo(functions.stream().map(f -> f + "-in-0").collect(Collectors.toCollection(TreeSet::new)));
        assertThat(new TreeSet<>(destinations.values()))
                .as(service + " reads what the topic table (events Topics.ALL) says it reads")
                .isEqualTo(Topics.readBy(service));
        return service;
    }

    /**
     * The event records this module's own code creates ({@code new} or a static factory of the record) are
     * exactly those of the topics the table says the service writes.
     */
    public static void assertCreatesTheEventsOfTheTopicsItWrites(String service) {
        Map<String, String> topicOfType = Topics.ALL.stream()
                .collect(Collectors.toMap(t -> t.type().getName().replace('.', '/'), Topics.EventTopic::name));
        Set<String> created = new TreeSet<>();
        Path classes = Path.of("target", "classes");
        assertThat(classes).as("compiled classes of the module").isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                for (MethodModel method : model.methods()) {
                    method.code().ifPresent(code -> code.forEach(element -> {
                        String owner = switch (element) {
                            case NewObjectInstruction n -> n.className().asInternalName();
                            case InvokeInstruction i when i.opcode() == java.lang.classfile.Opcode.INVOKESTATIC
                                    && i.name().equalsString("of") -> i.owner().asInternalName();
                            default -> null;
                        };
                        if (owner != null && topicOfType.containsKey(owner)) {
                            created.add(topicOfType.get(owner));
                        }
                    }));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(created).as(service + " writes what the topic table (events Topics.ALL) says it writes")
                .isEqualTo(Topics.writtenBy(service));
    }

    /** The module's own src/main/resources/application.yml (not whatever a test puts on the class path). */
    private static Properties applicationYml() {
        Path file = Path.of("src", "main", "resources", "application.yml");
        assertThat(file).as("the module's application.yml").isRegularFile();
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(file));
        return yaml.getObject();
    }
}
