package tw.laborcloud.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Files the tests make themselves, so that no binary comes from elsewhere. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A PDF with the given number of pages, each with a line of text (the text makes each PDF distinct). */
    public static byte[] pdf(int pages, String text) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(text + " page " + (i + 1));
                    content.endText();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An encrypted PDF: with a user password it opens only with that password; with an
     * empty one it opens, but carries the owner's restrictions.
     */
    public static byte[] encryptedPdf(String userPassword) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            AccessPermission permissions = new AccessPermission();
            permissions.setCanPrint(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A well-formed PDF whose page tree is empty. */
    public static byte[] pdfWithoutPages() {
        try (PDDocument doc = new PDDocument()) {
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height, Color color) {
        return image("jpg", width, height, color, BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] bmp(int width, int height, Color color) {
        return image("bmp", width, height, color, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * A 24-bit BMP whose header claims width x height pixels (and a file size to match),
     * with almost no pixel data behind it.
     */
    public static byte[] bmpHeaderClaiming(int width, int height) {
        byte[] bmp = bmp(2, 2, Color.RED);
        ByteBuffer header = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        long rowBytes = ((long) width * 3 + 3) / 4 * 4;
        header.putInt(2, (int) Math.min(Integer.MAX_VALUE, header.getInt(10) + rowBytes * height));
        header.putInt(18, width);
        header.putInt(22, height);
        header.putInt(34, 0); // BI_RGB may leave the image size out
        return bmp;
    }

    /** A small JPEG whose frame header (SOF0) claims width x height pixels (at most 65535 each). */
    public static byte[] jpegHeaderClaiming(int width, int height) {
        byte[] jpeg = jpeg(16, 16, Color.RED);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                // FF C0, length (2), precision (1), height (2), width (2)
                ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker in the JPEG");
    }

    /** The first part of a JPEG: its header is intact, the image data stops half-way. */
    public static byte[] truncatedJpeg() {
        byte[] jpeg = jpeg(400, 300, Color.BLUE);
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** What a Windows executable starts with, padded to a plausible size. */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        return exe;
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>seal</title></head><body><script>alert(1)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-page PDF whose open action runs JavaScript. */
    public static byte[] pdfWithJavaScript() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('opened');"));
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF with a file attached through the EmbeddedFiles name tree. */
    public static byte[] pdfWithEmbeddedFile() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            byte[] payload = "MZ not really a program".getBytes(StandardCharsets.US_ASCII);
            PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(payload));
            embedded.setSubtype("application/octet-stream");
            embedded.setSize(payload.length);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("setup.exe");
            spec.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("setup.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            doc.getDocumentCatalog().setNames(names);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of a three-page PDF, as an interrupted upload leaves it. */
    public static byte[] truncatedPdf() {
        byte[] pdf = pdf(3, "cut off");
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** A valid PDF with a ZIP archive appended: PDF readers show the page, ZIP tools list the archive. */
    public static byte[] pdfZipPolyglot() {
        return concat(pdf(1, "innocent charter"), zip("payload.js", "WScript.Shell"));
    }

    /** A valid JPEG followed by a ZIP archive (the classic image/archive polyglot). */
    public static byte[] jpegZipPolyglot() {
        return concat(jpeg(60, 60, Color.ORANGE), zip("shell.php", "<?php system($_GET['c']);"));
    }

    /** A valid JPEG whose comment segment, early in the file, is a web page. */
    public static byte[] jpegWithHtmlComment() {
        byte[] jpeg = jpeg(60, 60, Color.GRAY);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer comment = ByteBuffer.allocate(4 + html.length);
        comment.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (html.length + 2)).put(html);
        // right after the SOI marker (FF D8), where a COM segment may stand
        return concat(Arrays.copyOf(jpeg, 2), comment.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    public static byte[] zip(String entryName, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid one-page PDF of exactly {@code size} bytes: {@link #paddedPdfHead()}, digits,
     * {@link #paddedPdfTail()}.
     */
    public static byte[] pdfPaddedTo(int size) {
        byte[] head = paddedPdfHead();
        byte[] tail = paddedPdfTail();
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) '0');
        System.arraycopy(head, 0, padded, 0, head.length);
        System.arraycopy(tail, 0, padded, size - tail.length, tail.length);
        return padded;
    }

    /**
     * The start of a PDF made large with padding: a complete one-page PDF and the start of a
     * comment, which the padding (any bytes but line ends) continues.
     */
    public static byte[] paddedPdfHead() {
        return concat(PADDED_BASE, "%".getBytes(StandardCharsets.US_ASCII));
    }

    /** The end of a padded PDF: the comment ends and the end marker points back at the PDF's own table. */
    public static byte[] paddedPdfTail() {
        String base = new String(PADDED_BASE, StandardCharsets.ISO_8859_1);
        int at = base.lastIndexOf("startxref") + "startxref".length();
        String offset = base.substring(at, base.indexOf("%%EOF", at)).strip();
        return ("\nstartxref\n" + offset + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] PADDED_BASE = pdf(1, "large");

    /** The first part of a BMP: its header is intact, the pixel rows stop half-way. */
    public static byte[] truncatedBmp() {
        byte[] bmp = bmp(400, 300, Color.GREEN);
        return Arrays.copyOf(bmp, bmp.length / 2);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] image(String format, int width, int height, Color color, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
