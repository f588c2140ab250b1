package tw.laborcloud.loadbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A reading taken every {@code interval} on a thread of its own until closed, e.g. the stack's
 * resident memory or a service's heap; keeps every sample and its time.
 */
final class Samples implements AutoCloseable {

    record Sample(long atMillis, long value) {
    }

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private Samples(String name, Duration interval, LongSupplier reading) {
        thread = Thread.ofPlatform().daemon().name("sample-" + name).start(() -> {
            while (running.get()) {
                samples.add(new Sample(System.currentTimeMillis(), reading.getAsLong()));
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static Samples every(String name, Duration interval, LongSupplier reading) {
        return new Samples(name, interval, reading);
    }

    long max() {
        synchronized (samples) {
            return samples.stream().mapToLong(Sample::value).max().orElse(0);
        }
    }

    /** The time of the first sample at or above {@code value}, or -1. */
    long firstReaching(long value) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.value() >= value).mapToLong(Sample::atMillis).findFirst().orElse(-1);
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
