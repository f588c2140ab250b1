package tw.laborcloud.document.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.verification.DocumentWork;

/**
 * A recogniser that never finishes is stopped at the document's time limit, and its process
 * with it: the reading runs through {@link DocumentWork} like every heavy work on a document.
 * The command here is a script that answers the language question like Tesseract and then,
 * asked to read, writes its process id and sleeps for ten minutes.
 */
class TesseractTimeLimitTests {

    @Test
    void aReadingOverTheTimeLimitIsStoppedAndItsProcessKilled(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        Path script = dir.resolve("slow-tesseract");
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" = "--list-langs" ]; then echo "List of available languages (1):"; echo chi_tra; exit 0; fi
                echo $$ > %s
                exec sleep 600
                """.formatted(pidFile));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Tesseract tesseract = new Tesseract(script.toString(), "chi_tra", true);
        assertThat(tesseract.available()).isTrue();
        DocumentWork work = new DocumentWork(Duration.ofSeconds(2));
        try {
            BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
            long started = System.nanoTime();
            assertThatThrownBy(() -> work.run(() -> tesseract.lines(page))).isInstanceOf(DocumentWork.TimedOut.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElse(null);
            if (process != null) {
                // killed as the wait was interrupted; give the kernel a moment to reap it
                process.onExit().get(5, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("recogniser process alive")
                    .isFalse();
        } finally {
            work.destroy();
        }
    }

    @Test
    void withoutTheCommandNothingIsReadAndNothingFails() {
        assertThat(new Tesseract("/nonexistent/tesseract", "chi_tra", true).available()).isFalse();
        assertThat(new Tesseract("tesseract", "chi_tra", false).available()).isFalse();
    }
}
