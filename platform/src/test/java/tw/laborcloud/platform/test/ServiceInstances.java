package tw.laborcloud.platform.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Several instances of one service, as production runs them: each its own application context
 * (own scheduler, own consumers, own Mongo client) on the same database and broker of
 * {@link LocalTestInfra}. Close it to stop every instance still running.
 */
public final class ServiceInstances implements AutoCloseable {

    private final Map<String, Object> infra = new LinkedHashMap<>();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    public ServiceInstances() {
        LocalTestInfra.register((name, value) -> infra.put(name, value.get()));
    }

    /**
     * Starts one more instance of {@code sources} with a random HTTP port; {@code args} are added
     * to its command line (e.g. {@code --laborcloud.test.instance=A}). As in a {@code @SpringBootTest},
     * the {@code @TestConfiguration} classes that the service's component scan would find are left out.
     */
    public ConfigurableApplicationContext start(Class<?>[] sources, String... args) {
        Stream<String> infraArgs = infra.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue());
        String[] commandLine = Stream.concat(Stream.concat(infraArgs, Stream.of("--server.port=0")), Stream.of(args))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .initializers(c -> c.getBeanFactory().registerSingleton("testConfigurationsExcluded",
                        new TestConfigurationsExcluded()))
                .run(commandLine);
        synchronized (running) {
            running.add(context);
        }
        return context;
    }

    @Override
    public void close() {
        synchronized (running) {
            running.reversed().forEach(ConfigurableApplicationContext::close);
            running.clear();
        }
    }

    private static final class TestConfigurationsExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
