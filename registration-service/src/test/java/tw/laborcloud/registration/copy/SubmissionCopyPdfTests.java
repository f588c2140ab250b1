package tw.laborcloud.registration.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.RegistrationForms;
import tw.laborcloud.registration.registration.RegistrationRequest;

class SubmissionCopyPdfTests {

    static final String APPLICATION_ID = "R20261203-7F3K9Q";
    static final Instant SUBMITTED = Instant.parse("2026-12-03T09:27:11Z");
    static final String CHARTER_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SEAL_SHA = "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7";
    static final String STATUS_PAGE = "https://union.example.gov.tw/register/status.html?applicationId="
            + APPLICATION_ID + "&certificateNo=12345678";

    /** Every field filled in, none left to a default, so that each must show. */
    static RegistrationRequest everyField(String unionName) {
        return new RegistrationRequest("12345678", RegistrationForms.PASSWORD, RegistrationForms.PASSWORD, unionName,
                "FEDERATION", "04595257", "王大明", "C", new RegistrationRequest.AddressInput("板橋區", "中山路一段161號"),
                new RegistrationRequest.AddressInput("三重區", "重新路二段78號5樓"), "2015-05-01",
                RegistrationForms.counts(120, 80), RegistrationForms.counts(31, 29), RegistrationForms.counts(9, 6),
                RegistrationForms.counts(3, 2), BigDecimal.valueOf(17), "林小華", "02-2960-3456#123", "02-2960-3457",
                "clerk@union.example", "clerk@union.example", "backup@union.example", true, false, true,
                List.of(new RegistrationRequest.DocumentRef("CHARTER", "0f8fad5b-d9cb-469f-a165-70867728950e", "t"),
                        new RegistrationRequest.DocumentRef("UNION_SEAL", "1e2f3a4b-d9cb-469f-a165-70867728950f", "t"),
                        new RegistrationRequest.DocumentRef("REPRESENTATIVE_SEAL", "2a3b4c5d-d9cb-469f-a165-708677289510",
                                "t")),
                "captcha-id", "CAPTCHA-ANSWER", "form-key-0123456789");
    }

    /**
     * The charter as its ticket described it; the seal's ticket described nothing (version 1), its verification
     * did; the representative's seal neither yet.
     */
    static Registration stored(String unionName) {
        return RegistrationForms.stored(everyField(unionName), APPLICATION_ID, SUBMITTED, List.of(
                new Registration.UploadedFile("CHARTER", "0f8fad5b-d9cb-469f-a165-70867728950e", "工會章程 114年修正.pdf",
                        1_234_567, CHARTER_SHA)), List.of(
                new Registration.VerifiedFile("UNION_SEAL", "1e2f3a4b-d9cb-469f-a165-70867728950f", "image/jpeg",
                        48_213, SEAL_SHA)));
    }

    @Test
    void theCopyShowsEveryFieldAsSentAndNeverThePasswordOrCaptcha() throws IOException {
        byte[] pdf = SubmissionCopyPdf.render(stored("新北市測試產業工會聯合會"), STATUS_PAGE,
                Instant.parse("2026-12-04T01:00:00Z"));

        String text = text(pdf);
        assertThat(text).contains(SubmissionCopyPdf.TITLE, APPLICATION_ID, "12345678", "新北市測試產業工會聯合會",
                "聯合組織", "04595257", "王大明", "C 製造業",
                "民國 104 年 5 月 1 日（2015-05-01）",
                "220 新北市板橋區中山路一段161號", "241 新北市三重區重新路二段78號5樓",
                "男 120 人、女 80 人，總數 200 人", "男 31 人、女 29 人，總數 60 人", "男 9 人、女 6 人，總數 15 人",
                "男 3 人、女 2 人，總數 5 人", "17 家",
                "林小華", "02-2960-3456#123", "02-2960-3457", "clerk@union.example", "backup@union.example",
                // the submission time in Taipei, ROC and ISO
                "民國 115 年 12 月 3 日 17:27:11", "2026-12-03T17:27:11+08:00",
                "章程", "工會章程 114年修正.pdf", "1,234,567 位元組", CHARTER_SHA,
                "附件二 圖記", "（檔名未提供）", "48,213 位元組", SEAL_SHA,
                // verified later: said so, not left blank
                "附件三 負責人章", SubmissionCopyPdf.BEING_CHECKED,
                "目前狀態 已收件", "本副本產製時間 民國 115 年 12 月 4 日 09:00:00", "union.example.gov.tw/register/status.html");
        assertThat(text.replaceAll("\\s", "")).contains(STATUS_PAGE);
        // the three answers of the self-assessment, in their order
        assertThat(text).containsPattern("完成性騷擾防治措施\\s*是").containsPattern("單一\\s*否\\s*性別達 1/3")
                .containsPattern("已加入上級工會\\s*是");
        assertThat(text).doesNotContain(RegistrationForms.PASSWORD).doesNotContain("CAPTCHA-ANSWER")
                .doesNotContain("pbkdf2");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
            PDFont font = first.getResources().getFont(first.getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-TW");
        }
        // the font is a subset of the glyphs used, not the whole 4 MB
        assertThat(pdf.length).isLessThan(400_000);
    }

    @Test
    void aCharacterTheFontLacksIsDrawnAsAStandInAndKeptAsActualText() throws IOException {
        // 堃 is in Big5's second level (not in the font), 𠀋 outside the BMP
        byte[] pdf = SubmissionCopyPdf.render(stored("新北市堃𠀋職業工會"), STATUS_PAGE, Instant.now());

        // extracted (PDFTextStripper reads ActualText) as it was sent
        assertThat(text(pdf)).contains("工會名稱 新北市堃𠀋職業工會");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(document.getPage(0));
            List<String> spans = new ArrayList<>();
            collectActualText(extractor.getMarkedContents(), spans);
            // drawn as the stand-in, the real character its ActualText
            assertThat(spans).containsExactly("堃 drawn as □", "𠀋 drawn as □");
        }
    }

    @Test
    void sizesAreExactWithAReadableUnit() {
        assertThat(SubmissionCopyPdf.size(512)).isEqualTo("512 位元組");
        assertThat(SubmissionCopyPdf.size(48_213)).isEqualTo("48,213 位元組（47.1 KB）");
        assertThat(SubmissionCopyPdf.size(1_234_567)).isEqualTo("1,234,567 位元組（1.2 MB）");
    }

    private static void collectActualText(List<PDMarkedContent> contents, List<String> into) {
        for (PDMarkedContent c : contents) {
            if (c.getActualText() != null) {
                into.add(c.getActualText() + " drawn as " + c.getContents().stream()
                        .filter(TextPosition.class::isInstance).map(t -> ((TextPosition) t).getUnicode())
                        .collect(Collectors.joining()));
            }
            collectActualText(c.getContents().stream().filter(PDMarkedContent.class::isInstance)
                    .map(PDMarkedContent.class::cast).toList(), into);
        }
    }

    @Test
    void copiesMadeAtOnceFromTheKeptFontsEachHaveTheirOwnText() throws Exception {
        List<String> unions = List.of("新北市甲產業工會", "新北市乙職業工會", "新北市丙企業工會", "新北市丁產業工會",
                "新北市戊職業工會", "新北市己企業工會", "新北市庚產業工會", "新北市辛職業工會");
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<byte[]>> copies = unions.stream().map(name -> pool.submit(() -> SubmissionCopyPdf.render(
                    stored(name), STATUS_PAGE, SUBMITTED))).toList();
            for (int i = 0; i < unions.size(); i++) {
                String text = text(copies.get(i).get());
                String own = unions.get(i);
                assertThat(text).as("copy %d", i).contains(own, APPLICATION_ID, CHARTER_SHA);
                assertThat(unions.stream().filter(u -> !u.equals(own))).noneMatch(text::contains);
            }
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
