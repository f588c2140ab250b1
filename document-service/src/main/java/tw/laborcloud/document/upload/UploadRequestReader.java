package tw.laborcloud.document.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.UploadContext;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the multipart body of an upload as it arrives from the socket: the file part goes
 * through a 64 KB buffer into one temporary file while it is counted and hashed, and
 * reading stops as soon as it passes 10 MB. Nothing is spooled by the container first
 * (multipart resolution is off, see application.yml), and nothing is held in memory.
 * <p>
 * The parser is Tomcat's streaming copy of Commons FileUpload, which this service runs on
 * anyway; Spring's multipart support would have the container write the whole part to
 * disk before the first line of our code runs.
 */
final class UploadRequestReader {

    static final String KIND = "kind";
    static final String FILE = "file";
    /** kind, file and a few fields a form might add; a flood of parts is refused. */
    private static final int MAX_PARTS = 8;
    private static final int MAX_FIELD_BYTES = 64;
    /** The file, plus room for the other fields and the part headers. */
    private static final long MAX_REQUEST_BYTES = DocumentKind.MAX_BYTES + 256 * 1024;

    private UploadRequestReader() {
    }

    /**
     * Reads the request, refusing (with an ApiException) as early as it can tell: an unknown
     * kind before the file is read, a file as soon as it passes the limit.
     */
    static ReceivedUpload read(HttpServletRequest request) throws IOException {
        FileUpload parser = new FileUpload();
        parser.setHeaderEncoding(StandardCharsets.UTF_8.name());
        String kind = request.getParameter(KIND);
        StagedFile file = null;
        String fileName = null;
        String declaredType = null;
        try {
            FileItemIterator parts = parser.getItemIterator(new BoundedRequest(request, MAX_REQUEST_BYTES));
            int count = 0;
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                // counted here: the parser's own count applies to parseRequest only, not to its iterator
                if (++count > MAX_PARTS) {
                    throw UploadRefusals.malformed("上傳的欄位過多，請只傳送文件類別與一個檔案。");
                }
                if (FILE.equals(part.getFieldName())) {
                    if (file != null) {
                        throw UploadRefusals.malformed("一次只能上傳一個檔案，請分別上傳。");
                    }
                    fileName = part.getName();
                    declaredType = part.getContentType();
                    try (InputStream in = part.openStream()) {
                        file = StagedFile.copyOf(in, DocumentKind.MAX_BYTES);
                    }
                    if (file.exceeded()) {
                        throw UploadRefusals.tooLarge();
                    }
                } else if (KIND.equals(part.getFieldName())) {
                    kind = readField(part);
                    if (DocumentKind.parse(kind).isEmpty()) {
                        throw UploadRefusals.unknownKind();
                    }
                }
                // any other part is skipped unread by the iterator
            }
            return new ReceivedUpload(kind, fileName, declaredType, file);
        } catch (FileUploadException | MultipartStream.MalformedStreamException e) {
            closeQuietly(file);
            throw UploadRefusals.malformed("上傳的資料格式不正確，請重新選擇檔案後再上傳。");
        } catch (InvalidFileNameException e) {
            // a NUL in the name: no browser sends one, it is meant to cut the name short somewhere
            closeQuietly(file);
            throw UploadRefusals.invalidFileName();
        } catch (RequestTooLarge e) {
            closeQuietly(file);
            throw UploadRefusals.tooLarge();
        } catch (IOException | RuntimeException e) {
            closeQuietly(file);
            throw e;
        }
    }

    private static String readField(FileItemStream part) throws IOException {
        try (InputStream in = part.openStream()) {
            return new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8).strip();
        }
    }

    private static void closeQuietly(StagedFile file) {
        if (file != null) {
            file.close();
        }
    }

    /** The request body, cut off (whatever the parts say) once it passes the bound. */
    private record BoundedRequest(HttpServletRequest request, long maxBytes) implements UploadContext {

        @Override
        public String getCharacterEncoding() {
            return request.getCharacterEncoding();
        }

        @Override
        public String getContentType() {
            return request.getContentType();
        }

        @Override
        public long contentLength() {
            return request.getContentLengthLong();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(request.getInputStream()) {
                private long count;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        counted(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        counted(n);
                    }
                    return n;
                }

                private void counted(int n) {
                    count += n;
                    if (count > maxBytes) {
                        throw new RequestTooLarge();
                    }
                }
            };
        }
    }

    /** Unchecked, so that the parser passes it through instead of reporting a malformed stream. */
    private static final class RequestTooLarge extends RuntimeException {
        RequestTooLarge() {
            super("upload request larger than allowed", null, false, false);
        }
    }
}
