package tw.laborcloud.document.reading;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import tw.laborcloud.events.document.CertificateReading;
import tw.laborcloud.platform.test.SealImages;

/**
 * Writes the corpus of generated registration certificates that {@link CertificateCorpusTests}
 * reads: scans as a city office would send them (an A4 page at 150 dpi, grey, a little rotated,
 * blurred and noisy, as JPEG or as a PDF holding the scan), each with the form values it is
 * compared against and the expected outcome. A few pages carry another number than the form, a
 * different union's name or another city's name as issuer. Nothing in it is real: names,
 * numbers and addresses are drawn from small lists by a fixed seed.
 * <p>
 * The pages are committed (src/test/resources/certificates), so the tests need no fonts; this
 * program is how they were made, with the CJK fonts of Debian's fonts-noto-cjk and
 * fonts-arphic-ukai/uming:
 * {@code java -cp <test classpath> tw.laborcloud.document.reading.CertificateCorpus document-service/src/test/resources/certificates}
 */
public final class CertificateCorpus {

    static final int PAGES = 68;
    /** The last pages are clean, as a certificate saved straight from a scanner's software or a PDF printer. */
    static final int SCANNED_PAGES = 64;
    static final int WIDTH = 1240;
    static final int HEIGHT = 1754;

    private static final String[] FONTS = { "Noto Serif CJK TC", "Noto Sans CJK TC", "AR PL UMing TW", "AR PL UKai TW" };
    private static final String[] TRADES = { "電子", "餐飲", "營造", "運輸", "護理", "美容美髮", "保全", "汽車修護", "印刷",
        "紡織", "金屬加工", "物流", "清潔", "醫療", "資訊", "食品", "旅遊", "木工", "水電", "電影", "圖書出版", "鋼鐵" };
    private static final String[] KINDS = { "產業工會", "職業工會", "業務從業人員職業工會", "從業人員產業工會" };
    private static final String[] COMPANIES = { "宏達科技股份有限公司", "永豐紡織股份有限公司", "大同機械股份有限公司",
        "新光保全股份有限公司", "福隆食品股份有限公司", "東和鋼鐵股份有限公司" };
    private static final String[] DISTRICTS = { "板橋區", "三重區", "中和區", "永和區", "新莊區", "新店區", "土城區", "蘆洲區",
        "汐止區", "樹林區", "淡水區", "林口區" };
    private static final String[] STREETS = { "中山路一段", "文化路二段", "民生路", "中正路", "復興路", "光復路", "成功路" };
    private static final String[] SURNAMES = { "王", "李", "張", "陳", "林", "黃", "吳", "劉", "蔡", "楊" };
    private static final String[] GIVEN = { "大明", "淑芬", "志豪", "美玲", "家豪", "雅婷", "建宏", "怡君", "俊傑", "佩珊" };
    private static final String[] OTHER_CITIES = { "臺北市政府", "桃園市政府", "臺中市政府" };

    private CertificateCorpus() {
    }

    /** One page of the corpus: what the form said, what the page shows, and how it was made. */
    public record Page(String file, String formNumber, String formName, String pageNumber, String pageName, String issuer,
            String font, double degrees, boolean blur, int noise, float quality, boolean pdf) {

        boolean numberDiffers() {
            return !formNumber.equals(pageNumber);
        }

        boolean nameDiffers() {
            return !formName.equals(pageName);
        }

        boolean otherIssuer() {
            return !CertificateReading.CITY.equals(issuer);
        }

        /** The name the scan is uploaded under. */
        public String upload() {
            return file.replace(".png", pdf ? ".pdf" : ".jpg");
        }

        public String contentType() {
            return pdf ? "application/pdf" : "image/jpeg";
        }

        String line() {
            return String.join("\t", file, formNumber, formName, pageNumber, pageName, issuer, font,
                    String.valueOf(degrees), String.valueOf(blur), String.valueOf(noise), String.valueOf(quality),
                    pdf ? "pdf" : "jpeg");
        }

        static Page parse(String line) {
            String[] f = line.split("\t");
            return new Page(f[0], f[1], f[2], f[3], f[4], f[5], f[6], Double.parseDouble(f[7]),
                    Boolean.parseBoolean(f[8]), Integer.parseInt(f[9]), Float.parseFloat(f[10]), "pdf".equals(f[11]));
        }
    }

    /** The corpus page of this file (e.g. certificate-01.png) and its scan as the union uploads it. */
    public static Page page(String file) throws IOException {
        try (var in = CertificateCorpus.class.getResourceAsStream("/certificates/expected.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(file + "\t")).map(Page::parse).findFirst().orElseThrow();
        }
    }

    public static byte[] scan(Page page) throws IOException {
        try (var in = CertificateCorpus.class.getResourceAsStream("/certificates/" + page.file())) {
            return scan(page, ImageIO.read(in));
        }
    }

    public static void main(String[] args) throws IOException {
        requireFonts();
        Path dir = Path.of(args.length > 0 ? args[0] : "certificates");
        Files.createDirectories(dir);
        Random random = new Random(20261203L);
        List<String> lines = new ArrayList<>();
        lines.add("# file\tformNumber\tformName\tpageNumber\tpageName\tissuer\tfont\tdegrees\tblur\tnoise\tquality\tformat");
        for (int i = 1; i <= PAGES; i++) {
            Page page = page(i, random);
            ImageIO.write(draw(page, random), "png", dir.resolve(page.file()).toFile());
            lines.add(page.line());
        }
        Files.write(dir.resolve("expected.tsv"), lines, StandardCharsets.UTF_8);
    }

    /**
     * Java draws text in a missing font with its fallback, without a word, and the pages would then show other
     * typefaces (or boxes) than expected.tsv says: refuse to write the corpus on a machine without the four.
     */
    private static void requireFonts() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        List<String> missing = Arrays.stream(FONTS).filter(font -> !installed.contains(font)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the corpus is drawn in " + String.join(", ", FONTS) + "; missing here: "
                    + String.join(", ", missing) + " (apt-get install fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming)");
        }
    }

    static Page page(int i, Random random) {
        String number = String.valueOf(10_000_000 + random.nextInt(90_000_000));
        String name = unionName(random);
        String pageNumber = number;
        String pageName = name;
        String issuer = CertificateReading.CITY;
        // every eighth page another number, every eighth (offset) another union, every sixteenth another city
        if (i % 8 == 3) {
            pageNumber = otherNumber(number, random);
        }
        if (i % 8 == 6) {
            String other;
            do {
                other = unionName(random);
            } while (other.equals(name));
            pageName = other;
        }
        if (i % 16 == 9) {
            issuer = OTHER_CITIES[random.nextInt(OTHER_CITIES.length)];
        }
        String font = FONTS[random.nextInt(FONTS.length)];
        double degrees = Math.round((random.nextDouble() * 4 - 2) * 10) / 10.0;
        boolean blur = random.nextInt(3) == 0;
        int noise = 4 + random.nextInt(16);
        float quality = Math.round((0.5f + random.nextFloat() * 0.4f) * 100) / 100f;
        if (i > SCANNED_PAGES) {
            degrees = 0;
            blur = false;
            noise = 0;
            quality = 0.95f;
        }
        boolean pdf = i % 3 == 0;
        return new Page("certificate-%02d.png".formatted(i), number, name, pageNumber, pageName, issuer, font, degrees,
                blur, noise, quality, pdf);
    }

    /** Another 8-digit number: one digit changed, or two swapped, or another number altogether. */
    private static String otherNumber(String number, Random random) {
        char[] digits = number.toCharArray();
        switch (random.nextInt(3)) {
            case 0 -> {
                int at = 1 + random.nextInt(7);
                digits[at] = (char) ('0' + (digits[at] - '0' + 1 + random.nextInt(8)) % 10);
            }
            case 1 -> {
                int at = 2 + random.nextInt(5);
                char swap = digits[at];
                digits[at] = digits[at + 1];
                digits[at + 1] = swap == digits[at] ? (char) ('0' + (swap - '0' + 5) % 10) : swap;
            }
            default -> {
                return String.valueOf(10_000_000 + random.nextInt(90_000_000));
            }
        }
        String other = new String(digits);
        return other.equals(number) ? String.valueOf(Long.parseLong(number) + 1) : other;
    }

    private static String unionName(Random random) {
        if (random.nextInt(4) == 0) {
            return COMPANIES[random.nextInt(COMPANIES.length)] + "企業工會";
        }
        return "新北市" + TRADES[random.nextInt(TRADES.length)] + KINDS[random.nextInt(KINDS.length)];
    }

    /**
     * The scan as the union uploads it, made from the page's clean drawing (the committed PNG):
     * grey paper, turned by the page's angle, blurred or not, with sensor noise and dust, as a
     * JPEG of the page's quality, or a PDF holding that JPEG. The same page always gives the same bytes.
     */
    static byte[] scan(Page page, BufferedImage drawing) throws IOException {
        Random random = new Random(page.file().hashCode());
        BufferedImage turned = rotate(drawing, page.degrees());
        BufferedImage blurred = page.blur() ? blur(turned) : turned;
        byte[] jpeg = SealImages.jpeg(noise(blurred, random, page.noise()), page.quality());
        return page.pdf() ? pdf(jpeg) : jpeg;
    }

    /** The clean page: black on white, one bit per pixel (small to keep; the scan adds the grey). */
    private static BufferedImage draw(Page page, Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // a double border, as printed certificates have
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(6));
        g.drawRect(60, 60, WIDTH - 120, HEIGHT - 120);
        g.setStroke(new BasicStroke(2));
        g.drawRect(80, 80, WIDTH - 160, HEIGHT - 160);

        centred(g, new Font(page.font(), Font.BOLD, 64), page.issuer(), 250);
        centred(g, new Font(page.font(), Font.BOLD, 80), "工會立案證書", 380);

        Font body = new Font(page.font(), Font.PLAIN, 40);
        g.setFont(body);
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String street = STREETS[random.nextInt(STREETS.length)];
        String address = "新北市" + district + street + (1 + random.nextInt(300)) + "號";
        String chair = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        int year = 100 + random.nextInt(15);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int y = 540;
        int left = 170;
        g.drawString("立案證書字號：新北府勞工字第" + page.pageNumber() + "號", left, y);
        g.drawString("工會名稱：" + page.pageName(), left, y += 100);
        g.drawString("會址：" + address, left, y += 100);
        g.drawString("理事長：" + chair, left, y += 100);
        g.drawString("核准立案日期：中華民國" + year + "年" + month + "月" + day + "日", left, y += 100);
        g.setFont(new Font(page.font(), Font.PLAIN, 36));
        g.drawString("右列工會業經依工會法規定核准立案登記，", left, y += 140);
        g.drawString("特發給本證書，以資證明。", left, y += 60);

        g.setFont(new Font(page.font(), Font.BOLD, 52));
        g.drawString(page.issuer(), WIDTH - 620, HEIGHT - 420);
        // the office's red seal, pressed a little crooked over the issuer's name: grey in a scan, so half the dots
        BufferedImage seal = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D s = seal.createGraphics();
        s.setColor(Color.WHITE);
        s.rotate(Math.toRadians(random.nextInt(11) - 5), WIDTH - 300, HEIGHT - 450);
        s.setStroke(new BasicStroke(8));
        s.drawRect(WIDTH - 390, HEIGHT - 540, 180, 180);
        s.setFont(new Font(page.font(), Font.BOLD, 56));
        s.drawString("印", WIDTH - 328, HEIGHT - 430);
        s.dispose();
        for (int sy = HEIGHT - 600; sy < HEIGHT - 300; sy++) {
            for (int sx = WIDTH - 460; sx < WIDTH - 140; sx++) {
                if (seal.getRaster().getSample(sx, sy, 0) == 1 && (sx + sy) % 2 == 0) {
                    image.getRaster().setSample(sx, sy, 0, 0);
                }
            }
        }
        centred(g, new Font(page.font(), Font.PLAIN, 40),
                "中華民國　" + year + "　年　" + month + "　月　" + day + "　日", HEIGHT - 220);
        g.dispose();
        return image;
    }

    private static void centred(Graphics2D g, Font font, String text, int y) {
        g.setFont(font);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (WIDTH - width) / 2, y);
    }

    private static BufferedImage rotate(BufferedImage source, double degrees) {
        BufferedImage turned = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // the scanner's lid beyond the turned page
        g.setColor(new Color(225, 225, 225));
        g.fillRect(0, 0, turned.getWidth(), turned.getHeight());
        g.rotate(Math.toRadians(degrees), source.getWidth() / 2.0, source.getHeight() / 2.0);
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return turned;
    }

    private static BufferedImage blur(BufferedImage source) {
        float[] weights = new float[9];
        java.util.Arrays.fill(weights, 1f / 9f);
        BufferedImage blurred = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        return new ConvolveOp(new Kernel(3, 3, weights), ConvolveOp.EDGE_NO_OP, null).filter(source, blurred);
    }

    /** Paper and ink as a scanner sees them (off-white, not quite black), sensor noise and a few specks of dust. */
    private static BufferedImage noise(BufferedImage source, Random random, int amplitude) {
        int width = source.getWidth();
        int height = source.getHeight();
        int[] pixels = source.getRaster().getPixels(0, 0, width, height, (int[]) null);
        int[] gauss = new int[4096];
        for (int i = 0; i < gauss.length; i++) {
            gauss[i] = (int) Math.round(random.nextGaussian() * amplitude);
        }
        for (int i = 0; i < pixels.length; i++) {
            int value = 30 + pixels[i] * 215 / 255 + gauss[random.nextInt(gauss.length)];
            if (random.nextInt(4000) == 0) {
                value = 40;
            }
            pixels[i] = Math.max(0, Math.min(255, value));
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, width, height, pixels);
        return grey;
    }

    /** A PDF holding the scan as its one A4 page, as a scanner's "scan to PDF" writes it. */
    static byte[] pdf(byte[] jpeg) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject scan = JPEGFactory.createFromByteArray(document, jpeg);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(scan, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

}
