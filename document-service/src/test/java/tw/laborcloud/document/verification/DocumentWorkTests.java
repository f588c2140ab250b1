package tw.laborcloud.document.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DocumentWorkTests {

    private final DocumentWork work = new DocumentWork(Duration.ofMillis(300));

    @AfterEach
    void stop() {
        work.destroy();
    }

    @Test
    void workWithinTheLimitGivesItsResultFromAnotherThread() throws Exception {
        String caller = Thread.currentThread().getName();

        assertThat(work.run(() -> Thread.currentThread().getName())).startsWith("document-work-").isNotEqualTo(caller);
    }

    @Test
    void workOverTheLimitIsGivenUpOnAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Instant start = Instant.now();

        assertThatThrownBy(() -> work.run(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "too late";
        })).isInstanceOf(DocumentWork.TimedOut.class);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
    }

    @Test
    void theWorksOwnExceptionsComeThroughAsThemselves() {
        assertThatThrownBy(() -> work.run(() -> {
            throw new IOException("store gone");
        })).isInstanceOf(IOException.class).hasMessage("store gone");
        assertThatThrownBy(() -> work.run(() -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }
}
