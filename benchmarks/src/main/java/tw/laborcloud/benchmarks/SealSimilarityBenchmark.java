package tw.laborcloud.benchmarks;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import tw.laborcloud.platform.test.SealImages;
import tw.laborcloud.seal.SealSimilarity;

/**
 * The two seal steps on an application's path: the document service computes the uploaded
 * union seal's imprint once per upload ({@link SealSimilarity#imprint}), the review service
 * compares it with the registered seal's imprint every time an officer opens the case
 * ({@link SealSimilarity#compare(String, String)}), so the compare is on the case page's path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SealSimilarityBenchmark {

    /** The largest preview the document service renders of an upload. */
    static final int PREVIEW_SIDE = 1200;

    private BufferedImage scannedUpload;
    private String registeredImprint;
    private String uploadedImprint;

    @Setup
    public void draw() {
        BufferedImage seal = SealImages.seal("新北市汽車駕駛員職業工會", 7);
        // A real scan: full preview resolution, turned, shifted, scaled, on noisy paper.
        scannedUpload = SealImages.scanned(SealImages.onCanvas(seal, PREVIEW_SIDE, PREVIEW_SIDE), 1.5, 12, -9, 0.95,
                42);
        registeredImprint = SealSimilarity.imprint(seal);
        uploadedImprint = SealSimilarity.imprint(scannedUpload);
        // The usual case is a genuine re-scan of the registered seal: make sure that is what is measured.
        int percent = SealSimilarity.compare(registeredImprint, uploadedImprint).percent();
        if (percent < 70) {
            throw new IllegalStateException("the scanned seal should match its original, got " + percent + "%");
        }
    }

    @Benchmark
    public String imprintOfScannedUpload() {
        return SealSimilarity.imprint(scannedUpload);
    }

    @Benchmark
    public SealSimilarity.Score compareImprints() {
        return SealSimilarity.compare(registeredImprint, uploadedImprint);
    }
}
