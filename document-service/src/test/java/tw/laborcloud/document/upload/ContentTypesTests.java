package tw.laborcloud.document.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tw.laborcloud.document.TestFiles;

class ContentTypesTests {

    @TempDir
    Path dir;

    @Test
    void detectsTheAcceptedFormatsFromTheirBytes() throws IOException {
        assertThat(ContentTypes.detect(file("a.bin", TestFiles.pdf(1, "charter")))).isEqualTo(ContentTypes.PDF);
        assertThat(ContentTypes.detect(file("b.bin", TestFiles.jpeg(40, 30, Color.RED)))).isEqualTo(ContentTypes.JPEG);
        assertThat(ContentTypes.detect(file("c.bin", TestFiles.bmp(40, 30, Color.RED)))).isEqualTo(ContentTypes.BMP);
    }

    @Test
    void theFileNameDoesNotDecideTheType() throws IOException {
        String exe = ContentTypes.detect(file("charter.pdf", TestFiles.windowsExecutable()));
        String html = ContentTypes.detect(file("seal.jpg", TestFiles.html()));
        String jpegNamedPdf = ContentTypes.detect(file("charter.pdf", TestFiles.jpeg(10, 10, Color.BLACK)));

        assertThat(exe).isNotEqualTo(ContentTypes.PDF).startsWith("application/");
        assertThat(html).isEqualTo("text/html");
        assertThat(jpegNamedPdf).isEqualTo(ContentTypes.JPEG);
    }

    @Test
    void normalisesAliasesAndParameters() {
        assertThat(ContentTypes.normalise("image/x-ms-bmp")).isEqualTo(ContentTypes.BMP);
        assertThat(ContentTypes.normalise("Application/PDF; version=1.7")).isEqualTo(ContentTypes.PDF);
        assertThat(ContentTypes.normalise(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void describesTypesForPeople() {
        assertThat(ContentTypes.describe(ContentTypes.JPEG)).isEqualTo("JPG（image/jpeg）");
        assertThat(ContentTypes.describe("text/html")).isEqualTo("text/html");
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
