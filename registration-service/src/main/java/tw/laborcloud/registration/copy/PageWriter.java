package tw.laborcloud.registration.copy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out on A4 pages from the top down: headings, label-value rows whose values wrap within their column,
 * new pages as needed, page numbers at the end. Text is real text in the embedded {@link CopyFont}, so that it can
 * be selected, searched and read aloud. A character the font lacks is drawn as □ inside a marked-content span
 * whose ActualText is the real character: the copy never fails on an unusual name, and a reader that honours
 * ActualText (copying, screen readers) still gets the character that was sent.
 */
final class PageWriter implements AutoCloseable {

    static final float MARGIN = 56;
    static final float LABEL_WIDTH = 150;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final COSName SPAN = COSName.getPDFName("Span");

    private final PDDocument document;
    private final PDType0Font font;
    private final CopyFont glyphs;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PageWriter(PDDocument document, CopyFont glyphs, TrueTypeFont parsed) throws IOException {
        this.document = document;
        this.glyphs = glyphs;
        this.font = CopyFont.embed(document, parsed);
        newPage();
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    /** A centred line (the title). */
    void centred(String text, float size) throws IOException {
        String line = printable(text);
        need(size * 1.6f);
        y -= size * 1.2f;
        draw(line, (SIZE.getWidth() - width(line, size)) / 2, y, size);
        y -= size * 0.6f;
    }

    /** A section heading with a rule under it. */
    void heading(String text) throws IOException {
        float size = 12;
        need(size * 4.5f);
        y -= size * 2;
        draw(printable(text), MARGIN, y, size);
        y -= 4;
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y);
        content.lineTo(SIZE.getWidth() - MARGIN, y);
        content.stroke();
        y -= size * 0.6f;
    }

    /** A paragraph across the whole width. */
    void paragraph(String text, float size) throws IOException {
        for (String line : wrap(printable(text), width(), size)) {
            need(size * 1.5f);
            y -= size * 1.5f;
            draw(line, MARGIN, y, size);
        }
    }

    /** A label and its value, each wrapping within its column. */
    void row(String label, String value, float size) throws IOException {
        List<String> labels = wrap(printable(label), LABEL_WIDTH - 12, size);
        List<String> values = wrap(printable(value), width() - LABEL_WIDTH, size);
        float leading = size * 1.5f;
        int lines = Math.max(labels.size(), values.size());
        need(leading * Math.min(lines, 3));
        for (int i = 0; i < lines; i++) {
            need(leading);
            y -= leading;
            if (i < labels.size()) {
                draw(labels.get(i), MARGIN, y, size);
            }
            if (i < values.size()) {
                draw(values.get(i), MARGIN + LABEL_WIDTH, y, size);
            }
        }
    }

    /** Starts a new page unless {@code rows} rows of this size still fit: a block that belongs together stays so. */
    void keepTogether(int rows, float size) throws IOException {
        need(rows * size * 1.5f);
    }

    void space(float points) {
        y -= points;
    }

    /** Numbers every page (第 n 頁／共 m 頁) with the footer text, then closes the last page's content. */
    void finish(String footer) throws IOException {
        content.close();
        content = null;
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String left = printable(footer);
                String right = "第 " + (i + 1) + " 頁／共 " + pages.size() + " 頁";
                drawOn(foot, left, MARGIN, MARGIN / 2, 8);
                drawOn(foot, right, SIZE.getWidth() - MARGIN - width(right, 8), MARGIN / 2, 8);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    private void draw(String text, float x, float baseline, float size) throws IOException {
        drawOn(content, text, x, baseline, size);
    }

    /** Draws runs of characters the font has as they are, and each other character as □ with its ActualText. */
    private void drawOn(PDPageContentStream stream, String text, float x, float baseline, float size)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (glyphs.covers(c)) {
                run.appendCodePoint(c);
                continue;
            }
            if (!run.isEmpty()) {
                stream.showText(run.toString());
                run.setLength(0);
            }
            COSDictionary span = new COSDictionary();
            span.setString(COSName.ACTUAL_TEXT, new String(Character.toChars(c)));
            stream.beginMarkedContent(SPAN, PDPropertyList.create(span));
            stream.showText(String.valueOf((char) CopyFont.STAND_IN));
            stream.endMarkedContent();
        }
        if (!run.isEmpty()) {
            stream.showText(run.toString());
        }
        stream.endText();
    }

    private float width(String text, float size) throws IOException {
        float units = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            units += advance(text.codePointAt(i));
        }
        return units * size / 1000;
    }

    private float advance(int codePoint) throws IOException {
        int shown = glyphs.covers(codePoint) ? codePoint : CopyFont.STAND_IN;
        return font.getStringWidth(new String(Character.toChars(shown)));
    }

    /** Greedy wrapping, character by character (Chinese has no spaces to break at; hashes and links neither). */
    private List<String> wrap(String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            float w = advance(c) * size / 1000;
            if (used + w > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(c);
            used += w;
        }
        lines.add(line.toString());
        return lines;
    }

    /** Line breaks and other control characters become spaces (a row is one flow of text); invisible formatting goes. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
