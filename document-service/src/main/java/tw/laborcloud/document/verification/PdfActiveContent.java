package tw.laborcloud.document.verification;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds JavaScript and attached files anywhere in a PDF. Instead of following the places
 * the specification lists (open action, page and annotation actions, form fields, the
 * names tree...), every object of the cross-reference table is looked at, so a script in
 * an unusual place or an unreferenced object is found as well. Names written with
 * escapes ("/J#61vaScript") are decoded by the parser first.
 */
final class PdfActiveContent {

    private static final COSName S = COSName.getPDFName("S");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName EF = COSName.getPDFName("EF");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    /** Direct objects nest only a few levels in real files; deeper is a trap for the walker. */
    private static final int MAX_DEPTH = 64;

    private PdfActiveContent() {
    }

    static Set<Finding> find(PDDocument pdf) {
        Set<Finding> found = EnumSet.noneOf(Finding.class);
        COSDocument document = pdf.getDocument();
        visit(document.getTrailer(), found, 0);
        for (COSObjectKey key : Set.copyOf(document.getXrefTable().keySet())) {
            COSObject object = document.getObjectFromPool(key);
            visit(object == null ? null : object.getObject(), found, 0);
            // a file with millions of objects: stop once the time limit is over (DocumentWork interrupts)
            if (found.size() == 2 || Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return found;
    }

    /** Looks into direct objects only; indirect ones are visited from the table themselves. */
    private static void visit(COSBase object, Set<Finding> found, int depth) {
        if (depth > MAX_DEPTH || object == null) {
            return;
        }
        if (object instanceof COSDictionary dictionary) {
            inspect(dictionary, found);
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                if (!(entry.getValue() instanceof COSObject)) {
                    visit(entry.getValue(), found, depth + 1);
                }
            }
        } else if (object instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase element = array.get(i);
                if (!(element instanceof COSObject)) {
                    visit(element, found, depth + 1);
                }
            }
        }
    }

    private static void inspect(COSDictionary dictionary, Set<Finding> found) {
        if (dictionary.containsKey(JS) || JAVASCRIPT.equals(dictionary.getItem(S))) {
            found.add(Finding.PDF_JAVASCRIPT);
        }
        if (dictionary.containsKey(EF) || dictionary.containsKey(EMBEDDED_FILES)
                || EMBEDDED_FILE.equals(dictionary.getItem(COSName.TYPE))
                || FILE_ATTACHMENT.equals(dictionary.getItem(COSName.SUBTYPE))) {
            found.add(Finding.PDF_EMBEDDED_FILES);
        }
    }
}
