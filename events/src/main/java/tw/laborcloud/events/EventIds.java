package tw.laborcloud.events;

import java.util.UUID;

/** Event ids are random UUIDs; uniqueness is all consumers rely on. */
public final class EventIds {

    private EventIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
