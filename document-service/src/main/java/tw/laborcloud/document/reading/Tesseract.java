package tw.laborcloud.document.reading;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Text recognition with the Tesseract command (Debian's tesseract-ocr with the Traditional
 * Chinese model tesseract-ocr-chi-tra). One process per page, limited to one thread
 * ({@code OMP_THREAD_LIMIT=1}: pages are read side by side, not one page on every core), its
 * output written to a file so that waiting for it can be interrupted: when the time for the
 * document is up ({@link tw.laborcloud.document.verification.DocumentWork}) the process is killed.
 * <p>
 * Whether the command and the model are there is asked once, on first use; without them every
 * certificate is "not read" and the log says which package to install.
 */
@Component
public class Tesseract {

    private static final Logger log = LoggerFactory.getLogger(Tesseract.class);

    /** The Debian packages that bring the command and the model. */
    public static final String PACKAGES = "tesseract-ocr tesseract-ocr-chi-tra";

    private final String command;
    private final String language;
    private final boolean enabled;
    private volatile Boolean available;

    Tesseract(@Value("${laborcloud.documents.reading.command:tesseract}") String command,
            @Value("${laborcloud.documents.reading.language:chi_tra}") String language,
            @Value("${laborcloud.documents.reading.enabled:true}") boolean enabled) {
        this.command = command;
        this.language = language;
        this.enabled = enabled;
    }

    /** Whether pages can be read here: enabled, the command runs and knows the language. */
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = enabled && probe();
            available = known;
            if (known) {
                log.info("certificates are read with {} ({})", command, language);
            } else if (enabled) {
                log.warn("certificates are not read: '{}' with the language {} is not installed (apt-get install {})",
                        command, language, PACKAGES);
            }
        }
        return known;
    }

    private boolean probe() {
        try {
            Process process = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            boolean done = process.waitFor(20, TimeUnit.SECONDS);
            return done && process.exitValue() == 0
                    && new String(out, StandardCharsets.UTF_8).lines().anyMatch(language::equals);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A word as recognised, with its box in the image's pixels and the recogniser's confidence (0–100). */
    public record Word(String text, Rectangle box, int confidence) {
    }

    /**
     * Reads the image as one column of text lines (page segmentation mode 4, which keeps a form's
     * label and value on one line) in the configured language; the lines top to bottom, each its words.
     */
    public List<List<Word>> lines(BufferedImage image) throws IOException, InterruptedException {
        return run(image, List.of("-l", language, "--psm", "4"));
    }

    /** Reads the image as a single line of text (a value read a second time, enlarged, on its own). */
    public String line(BufferedImage image) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (List<Word> line : run(image, List.of("-l", language, "--psm", "7"))) {
            line.forEach(w -> text.append(w.text()));
        }
        return text.toString();
    }

    private List<List<Word>> run(BufferedImage image, List<String> options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("reading-");
        try {
            Path png = dir.resolve("page.png");
            ImageIO.write(image, "png", png.toFile());
            List<String> arguments = new ArrayList<>(List.of(command, png.toString(), dir.resolve("out").toString()));
            arguments.addAll(options);
            arguments.add("tsv");
            ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log.txt").toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            try {
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IOException(command + " ended with " + exit + ": "
                            + Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8).strip());
                }
            } finally {
                // interrupted (the document's time is up) or failed: the process goes too
                process.destroyForcibly();
            }
            return parse(Files.readAllLines(dir.resolve("out.tsv"), StandardCharsets.UTF_8));
        } finally {
            removeQuietly(dir);
        }
    }

    /** Best effort: a killed process may still be closing its files; what stays is in the temporary directory. */
    private static void removeQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("could not remove {}: {}", dir, e.toString());
        }
    }

    /**
     * Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height,
     * confidence, text. Words (level 5) are grouped into their lines; empty words are dropped.
     */
    static List<List<Word>> parse(List<String> tsv) {
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (String row : tsv) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            Rectangle box = new Rectangle(Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                    Integer.parseInt(f[9]));
            int confidence = (int) Math.round(Math.max(0, Double.parseDouble(f[10])));
            lines.computeIfAbsent(f[1] + "/" + f[2] + "/" + f[3] + "/" + f[4], k -> new ArrayList<>())
                    .add(new Word(text, box, confidence));
        }
        return new ArrayList<>(lines.values());
    }
}
