package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import tw.laborcloud.document.GeneratedContent;
import tw.laborcloud.document.Multipart;
import tw.laborcloud.document.TestFiles;
import tw.laborcloud.platform.test.LocalTestInfra;

/**
 * Ten 10 MB uploads at once, over real HTTP into Tomcat, must not grow the service's heap
 * by more than {@value #MAX_HEAP_GROWTH_MB} MB; a service that buffered each upload would
 * need 100 MB for the bytes alone.
 * <p>
 * The test runs in the service's JVM, so it measures with care: the bodies are generated
 * as they are sent (nothing held by the client), the MongoDB-wire store keeps its data in
 * a file (the in-memory one would put the uploads in the measured heap), and the heap is
 * read right after a full collection, i.e. what is live, not garbage waiting to be
 * collected. The ten uploads are held at 9 MB each until the service has received that
 * much of every one, and the heap is measured there and every 500 ms throughout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UploadMemoryIntegrationTests {

    private static final int UPLOADS = 10;
    private static final long SIZE = DocumentKind.MAX_BYTES;
    private static final long HOLD_AT = 9L * 1024 * 1024;
    private static final long MAX_HEAP_GROWTH_MB = 64;
    private static final long MB = 1024 * 1024;


    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws IOException {
        LocalTestInfra.register(registry);
        Path storeFile = Files.createTempFile("document-memory-test", ".mv");
        Files.delete(storeFile);
        // a small page cache: H2 keeps what it wrote on disk, not in the heap being measured
        MongoServer store = new MongoServer(new H2Backend(new MVStore.Builder().fileName(storeFile.toString()).cacheSize(4)
                .autoCommitBufferSize(1024).open()));
        InetSocketAddress address = store.bind();
        registry.add("laborcloud.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort());
        // stopped after the application context (an @AfterAll would run first and stall its shutdown)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.shutdownNow();
            storeFile.toFile().delete();
        }));
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void tenConcurrentTenMegabyteUploadsKeepTheHeapFlat() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            // warm up: classes, pools and buffers the first upload creates are not what is measured
            assertThat(upload(client, new GeneratedContent(pdfHead(), 2 * MB, pdfTail())).join().statusCode())
                    .isEqualTo(201);

            Instant start = Instant.now();
            List<CompletableFuture<HttpResponse<String>>> timed = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                timed.add(upload(client, new GeneratedContent(pdfHead(), SIZE, pdfTail())));
            }
            timed.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(201));
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            double throughput = UPLOADS * SIZE / (double) MB / seconds;

            long files = mongo.count(new Query(), "fs.files");
            long baseline = liveHeap();
            AtomicLong peak = new AtomicLong(baseline);
            CountDownLatch go = new CountDownLatch(1);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(liveHeap(), Math::max), 0, 500,
                    TimeUnit.MILLISECONDS);
            Instant heldSince = Instant.now().minusSeconds(1);
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            try {
                for (int i = 0; i < UPLOADS; i++) {
                    held.add(upload(client, new HeldContent(go)));
                }
                // all ten are in the middle of their upload, with 9 MB of each in the service's hands
                await().atMost(Duration.ofSeconds(60)).until(() -> stagedParts(HOLD_AT - 256 * 1024, heldSince) >= UPLOADS);
                long atHold = liveHeap();
                peak.accumulateAndGet(atHold, Math::max);
                go.countDown();
                held.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(201));
                report(throughput, seconds, baseline, atHold, peak.get());
            } finally {
                go.countDown();
                sampler.shutdownNow();
            }
            assertThat(mongo.count(new Query(), "fs.files")).isEqualTo(files + UPLOADS);
            assertThat((peak.get() - baseline) / MB).as("peak heap growth in MB").isLessThan(MAX_HEAP_GROWTH_MB);
        }
    }

    private CompletableFuture<HttpResponse<String>> upload(HttpClient client, GeneratedContent content) {
        HttpRequest request = Multipart.streaming(URI.create("http://127.0.0.1:" + port + "/api/documents"), "CHARTER",
                "charter.pdf", content);
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The service's temporary copies of uploads in progress (StagedFile) written since then that hold at least this much. */
    private static long stagedParts(long atLeast, Instant since) {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-")
                    && f.getFileName().toString().endsWith(".part")).filter(f -> {
                        try {
                            return Files.size(f) >= atLeast
                                    && Files.getLastModifiedTime(f).toInstant().isAfter(since);
                        } catch (IOException gone) {
                            return false;
                        }
                    }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long liveHeap() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A valid PDF padded to the size (the intake refuses a cut-off one). */
    private static byte[] pdfHead() {
        return TestFiles.paddedPdfHead();
    }

    private static byte[] pdfTail() {
        return TestFiles.paddedPdfTail();
    }

    private static void report(double throughput, double seconds, long baseline, long atHold, long peak) {
        System.out.printf(Locale.ROOT, "UPLOAD-MEASURED throughput: %d x %d MB concurrently in %.2f s = %.1f MB/s%n",
                UPLOADS, SIZE / MB, seconds, throughput);
        System.out.printf(Locale.ROOT, "UPLOAD-MEASURED live heap: baseline %.1f MB, with all %d uploads held at 9 MB"
                + " %.1f MB (+%.1f MB), peak %.1f MB (+%.1f MB); bound +%d MB%n", baseline / (double) MB, UPLOADS,
                atHold / (double) MB, (atHold - baseline) / (double) MB, peak / (double) MB,
                (peak - baseline) / (double) MB, MAX_HEAP_GROWTH_MB);
    }

    /** 10 MB that stop at 9 MB until the test says go, so that ten uploads are surely in progress together. */
    private static final class HeldContent extends GeneratedContent {
        private final CountDownLatch go;

        HeldContent(CountDownLatch go) {
            super(pdfHead(), SIZE, pdfTail());
            this.go = go;
        }

        @Override
        protected void onRead(long total) {
            if (total >= HOLD_AT && go.getCount() > 0) {
                try {
                    if (!go.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the upload");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
