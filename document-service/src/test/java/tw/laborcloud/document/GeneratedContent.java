package tw.laborcloud.document;

import java.io.InputStream;

/**
 * A file's bytes made as they are read: {@code head}, then a byte pattern, then
 * {@code tail}, {@code length} bytes in all. Lets a test send 10 MB without holding 10 MB.
 */
public class GeneratedContent extends InputStream {

    private final byte[] head;
    private final long length;
    private final byte[] tail;
    private long served;

    public GeneratedContent(byte[] head, long length) {
        this(head, length, new byte[0]);
    }

    public GeneratedContent(byte[] head, long length, byte[] tail) {
        this.head = head;
        this.length = length;
        this.tail = tail;
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
            long fromEnd = length - at;
            b[off + i] = at < head.length ? head[(int) at]
                    : fromEnd <= tail.length ? tail[(int) (tail.length - fromEnd)] : (byte) (0x30 + at % 10);
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
