package tw.laborcloud.document.reading;

import java.awt.Rectangle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tw.laborcloud.document.reading.Tesseract.Word;
import tw.laborcloud.events.document.CertificateReading;

/**
 * Finds the certificate's values in the recognised lines: the number (字號), the union's name,
 * the issuing authority and the date (ROC calendar). Works on each line's text with the words
 * joined (Chinese has no spaces; the recogniser's spaces between characters are noise), full-width
 * characters made half-width, and knows which words each character came from, so that every
 * value carries the box it was found in.
 */
final class CertificateFields {

    /** Eight digits standing alone (not part of a longer run). */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])([0-9]{8})(?![0-9])");
    /** The number in its printed frame: 「…字第12345678號」 or after the label 字號. */
    private static final Pattern FRAMED_NUMBER = Pattern.compile("(字第|第|字號[:]?)([0-9]{8})(?![0-9])");
    private static final Pattern DATE = Pattern.compile("中華民國([0-9]{2,3})年([0-9]{1,2})月([0-9]{1,2})日");
    /** The governments that issue union certificates in Taiwan, the city's own among them. */
    private static final Pattern AUTHORITY = Pattern.compile(
            "(新北市|臺北市|台北市|桃園市|臺中市|台中市|臺南市|台南市|高雄市|基隆市|新竹市|新竹縣|嘉義市|嘉義縣|苗栗縣|彰化縣"
                    + "|南投縣|雲林縣|屏東縣|宜蘭縣|花蓮縣|臺東縣|台東縣|澎湖縣|金門縣|連江縣)政府");

    private CertificateFields() {
    }

    /** A value as found: its text, where (pixels of the page read), and the lowest confidence of its words. */
    record Found(String text, Rectangle box, int confidence) {
    }

    /** What the page shows; any value may be missing. {@code framed}: the number stood in its printed frame. */
    record Fields(Optional<Found> number, boolean framed, Optional<Found> name, Optional<Found> issuer,
            Optional<Found> date, String isoDate, int confidence) {
    }

    static Fields find(List<List<Word>> recognised) {
        List<Line> lines = recognised.stream().map(Line::of).toList();
        Optional<Found> framed = first(lines, FRAMED_NUMBER, 2);
        Optional<Found> number = framed.isPresent() ? framed : first(lines, NUMBER, 1);
        Optional<Found> date = dated(lines);
        String iso = date.map(d -> iso(d.text())).orElse(null);
        int confidence = (int) Math.round(recognised.stream().flatMap(List::stream)
                .mapToInt(Word::confidence).average().orElse(0));
        return new Fields(number, framed.isPresent(), name(lines), issuer(lines), date, iso, confidence);
    }

    private static Optional<Found> first(List<Line> lines, Pattern pattern, int group) {
        for (Line line : lines) {
            Matcher m = pattern.matcher(line.text());
            if (m.find()) {
                return Optional.of(line.found(m.start(group), m.end(group)));
            }
        }
        return Optional.empty();
    }

    /** The runs of digits in a text read on its own, separated by spaces (neighbouring characters may add digits). */
    static String digitRuns(String text) {
        return String.join(" ", Line.clean(text).split("[^0-9]+")).strip();
    }

    /** After the label 工會名稱 (its colon, or the label itself when the colon was not read). */
    private static Optional<Found> name(List<Line> lines) {
        for (Line line : lines) {
            if (!line.text().contains("名稱")) {
                continue;
            }
            int colon = line.text().indexOf(':');
            int start = colon >= 0 ? colon + 1 : line.text().indexOf("名稱") + 2;
            return nonEmpty(line, start);
        }
        // the label itself unread: the line that ends like a union's name, with a colon before it
        for (Line line : lines) {
            String text = line.text();
            int colon = text.indexOf(':');
            if (colon >= 0 && colon < 6 && text.endsWith("工會") && !text.contains("證書")) {
                return nonEmpty(line, colon + 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> nonEmpty(Line line, int start) {
        int from = start;
        while (from < line.text().length() && !Character.isLetterOrDigit(line.text().charAt(from))) {
            from++;
        }
        return from < line.text().length() ? Optional.of(line.found(from, line.text().length())) : Optional.empty();
    }

    /** The city's name wherever it stands (title or signature); else another government's; else nothing. */
    private static Optional<Found> issuer(List<Line> lines) {
        Optional<Found> other = Optional.empty();
        for (Line line : lines) {
            Matcher m = AUTHORITY.matcher(line.text());
            while (m.find()) {
                Found found = line.found(m.start(), m.end());
                if (CertificateReading.CITY.equals(m.group())) {
                    return Optional.of(found);
                }
                other = other.or(() -> Optional.of(found));
            }
        }
        return other;
    }

    /** The approval date on its labelled line, else the last date on the page (the issue date below). */
    private static Optional<Found> dated(List<Line> lines) {
        Optional<Found> last = Optional.empty();
        for (Line line : lines) {
            Matcher m = DATE.matcher(line.text());
            if (m.find()) {
                Found found = line.found(m.start(), m.end());
                if (line.text().contains("日期")) {
                    return Optional.of(found);
                }
                last = Optional.of(found);
            }
        }
        return last;
    }

    /** 中華民國113年5月6日 as 2024-05-06; null when the numbers make no date. */
    static String iso(String rocDate) {
        Matcher m = DATE.matcher(rocDate);
        if (!m.find()) {
            return null;
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(m.group(1)) + 1911, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** A recognised line as one string, remembering for each character the word it came from. */
    record Line(String text, List<Word> words, int[] wordOf) {

        static Line of(List<Word> words) {
            StringBuilder text = new StringBuilder();
            List<Integer> owners = new ArrayList<>();
            for (int w = 0; w < words.size(); w++) {
                String clean = clean(words.get(w).text());
                text.append(clean);
                for (int c = 0; c < clean.length(); c++) {
                    owners.add(w);
                }
            }
            return new Line(text.toString(), words, owners.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Half-width digits and colons, no spaces, 台 as 臺 only where the register would (not here). */
        static String clean(String word) {
            return Normalizer.normalize(word, Normalizer.Form.NFKC).replaceAll("\\s+", "").replace('︰', ':');
        }

        /**
         * The characters start..end with their box: the union of their words' boxes, a word
         * only partly in it cut in proportion to its characters' widths (a value often shares its
         * word with its label; a Chinese character is about as wide as two digits).
         */
        Found found(int start, int end) {
            Rectangle box = null;
            int confidence = 100;
            int i = start;
            while (i < end) {
                int w = wordOf[i];
                int first = firstOf(w);
                int length = lengthOf(w);
                int until = Math.min(end, first + length);
                Word word = words.get(w);
                Rectangle whole = word.box();
                int total = widthOf(first, first + length);
                int x = whole.x + whole.width * widthOf(first, i) / total;
                int width = Math.max(1, whole.width * widthOf(i, until) / total);
                Rectangle part = new Rectangle(x, whole.y, width, whole.height);
                box = box == null ? part : box.union(part);
                confidence = Math.min(confidence, word.confidence());
                i = until;
            }
            return new Found(text.substring(start, end), box, confidence);
        }

        private int widthOf(int from, int to) {
            int width = 0;
            for (int c = from; c < to; c++) {
                width += text.charAt(c) < 0x2E80 ? 1 : 2;
            }
            return Math.max(1, width);
        }

        private int firstOf(int w) {
            int i = 0;
            while (wordOf[i] != w) {
                i++;
            }
            return i;
        }

        private int lengthOf(int w) {
            int n = 0;
            for (int owner : wordOf) {
                if (owner == w) {
                    n++;
                }
            }
            return n;
        }
    }
}
