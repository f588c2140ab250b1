package tw.laborcloud.document;

import java.io.InputStream;

/**
 * A file's bytes made as they are read: {@code head}, then a byte pattern up to
 * {@code length}. Lets a test send 10 MB without holding 10 MB.
 */
public class GeneratedContent extends InputStream {

    private final byte[] head;
    private final long length;
    private long served;

    public GeneratedContent(byte[] head, long length) {
        this.head = head;
        this.length = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (served >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - served);
        for (int i = 0; i < n; i++) {
            long at = served + i;
            // a pattern without the signatures the intake looks for (no "PK", no '<')
            b[off + i] = at < head.length ? head[(int) at] : (byte) (0x30 + at % 10);
        }
        served += n;
        onRead(served);
        return n;
    }

    /** How many bytes were read so far. */
    public long served() {
        return served;
    }

    /** Called after each read with the total so far; a test may pause here. */
    protected void onRead(long total) {
    }
}
