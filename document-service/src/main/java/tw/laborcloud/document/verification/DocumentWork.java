package tw.laborcloud.document.verification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the heavy work on one document (its content checks, the rendering of a page) on a
 * worker thread and waits for it at most {@code laborcloud.documents.work-timeout}, so that a
 * document built to be slow cannot hold a Kafka partition or a request thread for long.
 * Work over the limit is interrupted and its result dropped; the rendering and the PDF walk
 * stop at the interrupt, file reads fail on it.
 */
@Component
public class DocumentWork implements DisposableBean {

    private final Duration timeout;
    private final ExecutorService workers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("document-work-", 0).daemon().factory());

    public DocumentWork(@Value("${laborcloud.documents.work-timeout:PT20S}") Duration timeout) {
        this.timeout = timeout;
    }

    /** Work on one document, throwing at most the checked exception it declares. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** The work took longer than the limit. */
    public static final class TimedOut extends Exception {
        TimedOut(Duration limit) {
            super("document work took longer than " + limit, null, false, false);
        }
    }

    public Duration timeout() {
        return timeout;
    }

    /** The work's result, or its own exception; {@link TimedOut} when it did not finish in time. */
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T run(Work<T, E> work) throws E, TimedOut {
        Map<String, String> context = MDC.getCopyOfContextMap();
        Future<T> result = workers.submit(() -> {
            // the correlation id of the event or request stays on the log lines of its work
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                return work.run();
            } finally {
                MDC.clear();
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new TimedOut(timeout);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for document work", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            // Work declares no other checked exception than E
            throw (E) cause;
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
