package tw.laborcloud.document;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.jayway.jsonpath.JsonPath;

import tw.laborcloud.events.registration.DocumentKinds;
import tw.laborcloud.platform.security.UnionPrincipal;

/**
 * Upload requests as a browser's FormData sends them, raw: the service parses the body
 * itself as it streams in, so MockMvc's multipart() (which hands over parsed parts and no
 * body) cannot stand in for a browser.
 */
public final class Multipart {

    public static final String BOUNDARY = "----laborcloudTestBoundary7MA4YWxkTrZu0gW";

    private Multipart() {
    }

    /** The union whose pages upload filing attachments in these tests. */
    public static final String UNION_ID = "12345678";

    /**
     * POST /api/documents with the parts kind and file, in that order; a filing attachment with the union's
     * token, as the union's pages send it (the registration form's documents without one).
     */
    public static MockHttpServletRequestBuilder upload(String kind, String fileName, String declaredType,
            byte[] content) {
        MockHttpServletRequestBuilder request = anonymousUpload(kind, fileName, declaredType, content);
        return kind != null && DocumentKinds.knownFilingAttachment(kind)
                ? request.with(jwt().jwt(j -> j.claim(UnionPrincipal.UNION_ID_CLAIM, UNION_ID))
                        .authorities(new SimpleGrantedAuthority("ROLE_union")))
                : request;
    }

    /** The same without any token. */
    public static MockHttpServletRequestBuilder anonymousUpload(String kind, String fileName, String declaredType,
            byte[] content) {
        return post("/api/documents").contentType("multipart/form-data; boundary=" + BOUNDARY)
                .content(body(kind, fileName, declaredType, content));
    }

    /** Uploads the file, which must be accepted, and returns its upload id. */
    public static String uploadId(MockMvc mvc, String kind, String fileName, byte[] content) throws Exception {
        String body = mvc.perform(upload(kind, fileName, "application/octet-stream", content))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.uploadId");
    }

    /** The same request for a real server, its file content streamed from {@code content} as it is sent. */
    public static HttpRequest streaming(URI uploads, String kind, String fileName, InputStream content) {
        return HttpRequest.newBuilder(uploads)
                .header("Content-Type", contentType())
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(TestFiles.concat(field("kind", kind),
                                fileHead(fileName, "application/pdf"))),
                        HttpRequest.BodyPublishers.ofInputStream(() -> content),
                        HttpRequest.BodyPublishers.ofByteArray(TestFiles.concat(crlf(), end()))))
                .build();
    }

    public static byte[] body(String kind, String fileName, String declaredType, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (kind != null) {
            body.writeBytes(field("kind", kind));
        }
        if (content != null) {
            body.writeBytes(fileHead(fileName, declaredType));
            body.writeBytes(content);
            body.writeBytes(crlf());
        }
        body.writeBytes(end());
        return body.toByteArray();
    }

    public static byte[] field(String name, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Everything of the file part before its content. */
    public static byte[] fileHead(String fileName, String declaredType) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] crlf() {
        return "\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] end() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
