package tw.laborcloud.platform.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The largest body a service reads outside of multipart uploads ({@code laborcloud.limits.json-body},
 * a few hundred KB: a form is a few KB). A declared length over it is refused before anything is
 * read; a body without one is counted as it is read and refused where it passes the limit. Either
 * way the answer is the same small 413 problem as at the gateway, which checks first; this is for
 * requests that reach a service another way. Multipart uploads have their own limit (Spring's
 * multipart settings, and the document service's own while it streams).
 */
public class RequestLimits extends OncePerRequestFilter {

    private final long jsonLimit;

    public RequestLimits(long jsonLimit) {
        this.jsonLimit = jsonLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > jsonLimit) {
            ProblemDetailsAdvice.write(response, tooLarge(jsonLimit));
            return;
        }
        chain.doFilter(new Counted(request, jsonLimit), response);
    }

    /** The refusal for a body over {@code limit} bytes. */
    public static ApiException tooLarge(long limit) {
        String size = limit >= 1024 * 1024 ? Math.round(limit / (1024.0 * 1024.0)) + " MB" : Math.round(limit / 1024.0) + " KB";
        return new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE",
                "送出的資料超過 " + size + " 的上限，請縮小後再送出。", java.util.List.of());
    }

    /** Thrown by a counted body at the byte that passes the limit. */
    public static final class BodyTooLarge extends IOException {
        private final long limit;

        BodyTooLarge(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long seen;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++seen > limit) {
                            throw new BodyTooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (seen += n) > limit) {
                            throw new BodyTooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
