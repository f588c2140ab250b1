package tw.laborcloud.loadbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./bench prints and writes into docs/benchmarks.md, as a reader of either would check it. */
class BenchReportTests {

    @Test
    void eachFigureSaysWhetherItMeetsItsTarget() {
        assertThat(Figure.atLeast("P1", "registrations/s", 1.68, "", 25).line())
                .isEqualTo("P1 registrations/s 1.68 (target >= 25) below");
        assertThat(Figure.atMost("P4", "gateway heap growth", 5, "MB", 64).line())
                .isEqualTo("P4 gateway heap growth 5 MB (target <= 64 MB) meets");
        assertThat(Figure.atMost("P5", "cold start", 62.55, "s", 90).line())
                .isEqualTo("P5 cold start 62.55 s (target <= 90 s) meets");
        assertThat(Figure.info("P1", "submit p50", 8328, "ms").line()).isEqualTo("P1 submit p50 8328 ms");
    }

    @Test
    void theTableReplacesTheLastOneAndLeavesTheWrittenAnalysisAlone(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("benchmarks.md");
        Files.writeString(page, "# Benchmarks\n\nHow to run.\n\n" + BenchReport.BEGIN + "\nan old table\n"
                + BenchReport.END + "\n\n## Reading the figures\n\nThe hash bounds P1.\n");
        BenchRun run = new BenchRun(null, BenchRun.Options.parse(new String[] {"--repo", dir.toString()}));
        run.add(Figure.atLeast("P1", "registrations/s", 1.68, "", 25));
        run.note("P1: 117 registrations submitted");

        BenchReport.write(page, new String[] {"--repo", ".", "--seconds", "60"}, run);

        String text = Files.readString(page);
        assertThat(text).startsWith("# Benchmarks\n\nHow to run.\n\n" + BenchReport.BEGIN)
                .endsWith(BenchReport.END + "\n\n## Reading the figures\n\nThe hash bounds P1.\n")
                .contains("| P1 | registrations/s | 1.68 | >= 25 | below |", "- P1: 117 registrations submitted",
                        "with `./bench --seconds 60`")
                .doesNotContain("an old table", "--repo");
    }
}
