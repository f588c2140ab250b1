package tw.laborcloud.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tw.laborcloud.infra.MailMessage;

/**
 * A union clerk fills in the whole registration form in Chromium with real PDF, JPG and BMP
 * files, makes two mistakes, reads the messages, fixes them, submits and gets the receipt.
 */
class RegistrationFormBrowserTests extends BrowserTests {

    static Path files;

    @BeforeAll
    static void start() {
        files = Path.of(System.getProperty("laborcloud.screenshots", "target/screenshots")).resolveSibling("upload-files");
    }

    @Test
    void aClerkFillsTheWholeFormFixesTwoMistakesAndGetsTheReceipt() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/");
        page.locator("main").getByText("帳號註冊").click();
        assertThat(page.locator("h1")).hasText("帳號註冊（工會）");
        assertThat(page.locator("#unionType option")).hasCount(5);

        // 帳號 and the read-only certificate number that fills itself
        page.locator("#account").fill(certificateNo);
        assertThat(page.locator("#certificateNo")).hasValue(certificateNo);
        page.locator("#password").fill("union");
        assertThat(page.locator("#password-rules li.met")).hasCount(1);
        page.locator("#password").fill("Union-Pass-2026");
        assertThat(page.locator("#password-rules li.met")).hasCount(4);
        page.locator("#passwordConfirm").fill("Union-Pass-2062"); // mistake 1: the confirmation differs

        page.locator("#unionName").fill("新北市瀏覽器測試職業工會");
        page.locator("#unionType").selectOption("FEDERATION");
        assertThat(page.locator("#memberUnions")).isVisible();
        page.locator("#unionType").selectOption("OCCUPATIONAL");
        assertThat(page.locator("#memberUnions")).isHidden();
        page.locator("#unionTaxId").fill("04595257");
        page.locator("#representative").fill("陳志明");
        page.locator("#industry").selectOption("H");
        page.locator("#foundedOn").fill("2012-03-15");
        page.locator("#address-district").selectOption("新莊區");
        assertThat(page.locator("#address-postalCode")).hasValue("242");
        page.locator("#address-street").fill("中正路 100 號 5 樓");
        page.locator("#sameAsAddress").check();
        assertThat(page.locator("#mailingAddress-postalCode")).hasValue("242");
        assertThat(page.locator("#mailingAddress-street")).hasValue("中正路 100 號 5 樓");

        page.locator("#members-male").fill("30");
        page.locator("#members-female").fill("25");
        assertThat(page.locator("#members-total")).hasText("55");
        page.locator("#directors-male").fill("40"); // mistake 2: directors + supervisors above the members
        page.locator("#directors-female").fill("12");
        page.locator("#supervisors-male").fill("3");
        page.locator("#supervisors-female").fill("2");

        page.locator("#contactName").fill("黃小玲");
        page.locator("#contactPhone").fill("02-2991-1234#56");
        page.locator("#contactEmail").fill("clerk@qq.com");
        assertThat(page.locator("#contactEmail-warning")).containsText("可能會收不到認證信");
        String email = "clerk-" + certificateNo + "@union.example";
        page.locator("#contactEmail").fill(email);
        assertThat(page.locator("#contactEmail-warning")).isEmpty();
        page.locator("#contactEmailConfirm").fill(email);
        page.locator("input[name=harassmentPreventionDone][value=true]").check();
        page.locator("input[name=genderOneThirdRule][value=true]").check();
        page.locator("input[name=joinedHigherUnion][value=false]").check();

        upload(page, "CHARTER", TestFiles.write(files, "章程.pdf", TestFiles.pdf("Charter " + certificateNo)), "PDF");
        // a JPG is refused as a charter, by its content, next to the field
        page.locator("#file-CHARTER").setInputFiles(TestFiles.write(files, "seal-as-charter.pdf",
                TestFiles.image("NOT A PDF", "jpg")));
        assertThat(page.locator("#file-CHARTER-error")).containsText("檔案未被接受");
        upload(page, "CHARTER", TestFiles.write(files, "章程-正本.pdf", TestFiles.pdf("Charter v2 " + certificateNo)), "PDF");
        upload(page, "CERTIFICATE_SCAN", TestFiles.write(files, "立案證書.pdf", TestFiles.pdf("Cert " + certificateNo)), "PDF");
        upload(page, "UNION_SEAL", TestFiles.write(files, "工會圖記.jpg", TestFiles.image("SEAL " + certificateNo, "jpg")), "JPG");
        upload(page, "REPRESENTATIVE_SEAL", TestFiles.write(files, "負責人章.bmp",
                TestFiles.image("REP " + certificateNo, "bmp")), "BMP");
        upload(page, "HARASSMENT_EVIDENCE", TestFiles.write(files, "防治措施.pdf", TestFiles.pdf("Policy " + certificateNo)), "PDF");

        page.locator("#captchaAnswer").fill("TEST");
        browser.screenshot(page, "01-form-filled");
        page.locator("#submit").click();

        Locator summary = page.locator("#summary");
        assertThat(summary).isVisible();
        assertThat(page.locator("#summary-list li")).hasCount(2);
        assertThat(page.locator("#passwordConfirm-error")).hasText("兩次輸入的密碼不一致");
        assertThat(page.locator("#directors-error")).containsText("理事人數加監事人數（57）不能多於會員人數（55）");
        assertThat(page.locator("#passwordConfirm")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#captchaAnswer")).hasValue(""); // the used captcha was replaced
        browser.screenshot(page, "02-two-mistakes-shown");

        page.locator("#passwordConfirm").fill("Union-Pass-2026");
        page.locator("#directors-male").fill("7");
        page.locator("#directors-female").fill("4");
        assertThat(page.locator("#directors-total")).hasText("11");
        page.locator("#captchaAnswer").fill("TEST");
        page.locator("#submit").click();

        page.waitForURL(Pattern.compile(".*/register/receipt\\.html\\?applicationId=R\\d{8}-[A-Z0-9]{6}"));
        assertThat(page.locator("h1")).hasText("申請已送出");
        assertThat(page.locator("#certificateNo")).hasText(certificateNo);
        assertThat(page.locator("#unionName")).hasText("新北市瀏覽器測試職業工會");
        assertThat(page.locator("#applicationId")).hasText(Pattern.compile("R\\d{8}-[A-Z0-9]{6}"));
        Path receipt = browser.screenshot(page, "03-receipt");
        System.out.println("receipt screenshot: " + receipt.toAbsolutePath());

        // the applicant keeps a copy of what was sent (送件副本): a PDF whose text is the form as it was typed
        String applicationId = page.locator("#applicationId").innerText().strip();
        Download download = page.waitForDownload(() -> page.locator("#copy-link").click());
        assertThat(download.suggestedFilename()).isEqualTo("送件副本-" + applicationId + ".pdf");
        String copy = pdfText(download.path());
        assertThat(copy).contains(applicationId, certificateNo, "新北市瀏覽器測試職業工會", "陳志明", "04595257",
                "新莊區", "中正路 100 號 5 樓", "黃小玲", "02-2991-1234#56", email, "章程-正本.pdf", "防治措施.pdf")
                .doesNotContain("Union-Pass-2026");
        // each document with its size and SHA-256 as the service received it, already on the copy made at submission
        assertThat(copy.replaceAll("\\s+", "")).contains(sha256(files.resolve("章程-正本.pdf")))
                .contains(sha256(files.resolve("負責人章.bmp"))).doesNotContain("文件檢核中");
        // the same copy comes with the receipt mail
        MailMessage receiptMail = org.awaitility.Awaitility.await("receipt mail with the copy")
                .atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> stack.mailMessages().stream().filter(m -> m.to().contains(email)
                        && m.subject().contains("已收到")).findFirst().orElse(null), m -> m != null);
        assertThat(receiptMail.attachments()).containsExactly("送件副本-" + applicationId + ".pdf");
        // the status page's address is wrapped where the line ends
        assertThat(copy.replaceAll("\\s+", "")).contains("register/status.html?applicationId=" + applicationId
                + "&certificateNo=" + certificateNo);

        page.locator("#status-link").click();
        assertThat(page.locator("#result-title")).containsText("新北市瀏覽器測試職業工會");
        assertThat(page.locator("#email-confirmed")).containsText("尚未確認");
        browser.screenshot(page, "04-status");
    }

    /**
     * The browser keeps the form as it is filled in: the clerk closes the page half-way (two
     * files uploaded), opens the form again, is offered the draft, takes it up with everything but
     * the password, finishes and sends it; the draft is gone afterwards.
     */
    @Test
    void aClerkClosesTheHalfFilledFormReopensItAndSubmits() {
        String certificateNo = String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999));
        String unionName = "新北市草稿續填測試職業工會";
        Page first = browser.newPage();
        BrowserContext browserOfTheClerk = first.context();
        first.navigate(stack.gatewayUrl() + "/register/index.html");
        assertThat(first.locator("#unionType option")).hasCount(5);
        assertThat(first.locator("#draft-offer")).isHidden();
        fill(first, "#account", certificateNo, "#password", "Union-Pass-2026", "#passwordConfirm", "Union-Pass-2026",
                "#unionName", unionName);
        first.locator("#unionType").selectOption("OCCUPATIONAL");
        first.locator("#industry").selectOption("H");
        first.locator("#address-district").selectOption("新莊區");
        first.locator("#address-street").fill("中正路 100 號 5 樓");
        first.locator("#sameAsAddress").check();
        fill(first, "#members-male", "30", "#members-female", "25");
        first.locator("input[name=harassmentPreventionDone][value=true]").check();
        upload(first, "CHARTER", TestFiles.write(files, "草稿章程.pdf", TestFiles.pdf("Charter " + certificateNo)), "PDF");
        upload(first, "CERTIFICATE_SCAN", TestFiles.write(files, "草稿立案證書.pdf", TestFiles.pdf("Cert " + certificateNo)),
                "PDF");
        // written a moment after the last change, with both uploads, never the password
        first.waitForFunction("() => { const d = JSON.parse(localStorage.getItem('registration-draft') || 'null');"
                + " return d && d.values['members-female'] === '25'"
                + " && d.uploads.CERTIFICATE_SCAN && d.values['radio:harassmentPreventionDone'] === 'true'; }");
        assertThat((String) first.evaluate("() => localStorage.getItem('registration-draft')"))
                .contains(unionName).doesNotContain("Union-Pass-2026");
        first.close();

        Page again = browserOfTheClerk.newPage();
        again.navigate(stack.gatewayUrl() + "/register/index.html");
        assertThat(again.locator("#draft-offer")).isVisible();
        assertThat(again.locator("#draft-offer")).containsText("尚未送出的申請資料");
        browser.screenshot(again, "05-draft-offered");
        again.locator("#draft-resume").click();
        assertThat(again.locator("#draft-resumed")).containsText("密碼與驗證碼請重新輸入");
        assertThat(again.locator("#account")).hasValue(certificateNo);
        assertThat(again.locator("#certificateNo")).hasValue(certificateNo);
        assertThat(again.locator("#password")).hasValue("");
        assertThat(again.locator("#unionName")).hasValue(unionName);
        assertThat(again.locator("#industry")).hasValue("H");
        assertThat(again.locator("#address-postalCode")).hasValue("242");
        assertThat(again.locator("#mailingAddress-street")).hasValue("中正路 100 號 5 樓");
        assertThat(again.locator("#mailingAddress-street")).isDisabled();
        assertThat(again.locator("#members-total")).hasText("55");
        assertThat(again.locator("input[name=harassmentPreventionDone][value=true]")).isChecked();
        assertThat(again.locator("#file-CHARTER-info")).containsText("草稿章程.pdf");
        assertThat(again.locator("#file-CERTIFICATE_SCAN-info")).containsText("保留至");
        browser.screenshot(again, "06-draft-resumed");

        String email = "draft-" + certificateNo + "@union.example";
        fill(again, "#password", "Union-Pass-2026", "#passwordConfirm", "Union-Pass-2026", "#representative", "陳志明",
                "#foundedOn", "2012-03-15", "#directors-male", "7", "#directors-female", "4", "#supervisors-male", "3",
                "#supervisors-female", "2", "#contactName", "黃小玲", "#contactPhone", "02-2991-1234#56",
                "#contactEmail", email, "#contactEmailConfirm", email);
        again.locator("input[name=genderOneThirdRule][value=true]").check();
        again.locator("input[name=joinedHigherUnion][value=false]").check();
        upload(again, "UNION_SEAL", TestFiles.write(files, "草稿圖記.jpg", TestFiles.image("SEAL " + certificateNo, "jpg")),
                "JPG");
        upload(again, "REPRESENTATIVE_SEAL", TestFiles.write(files, "草稿負責人章.bmp",
                TestFiles.image("REP " + certificateNo, "bmp")), "BMP");
        // 完成性騷擾防治措施 was answered 是 before the page closed: its evidence is due
        upload(again, "HARASSMENT_EVIDENCE", TestFiles.write(files, "草稿防治措施.pdf", TestFiles.pdf("Policy " + certificateNo)),
                "PDF");
        again.locator("#captchaAnswer").fill("TEST");
        again.locator("#submit").click();

        again.waitForCondition(() -> again.url().contains("/receipt.html") || again.locator("#summary").isVisible());
        assertThat(again.url()).as(() -> "refused: " + again.locator("#summary").innerText()).contains("/receipt.html");
        again.waitForURL(Pattern.compile(".*/register/receipt\\.html\\?applicationId=R\\d{8}-[A-Z0-9]{6}"));
        assertThat(again.locator("#unionName")).hasText(unionName);
        assertThat(again.evaluate("() => localStorage.getItem('registration-draft')")).isNull();
        Page later = browserOfTheClerk.newPage();
        later.navigate(stack.gatewayUrl() + "/register/index.html");
        assertThat(later.locator("#unionType option")).hasCount(5);
        assertThat(later.locator("#draft-offer")).isHidden();
    }

    @Test
    void theFormHasNoSeriousOrCriticalAccessibilityViolation() {
        Page page = browser.newPage();
        page.navigate(stack.gatewayUrl() + "/register/index.html");
        assertThat(page.locator("#unionType option")).hasCount(5);
        assertThat(Accessibility.seriousViolations(page, "registration form")).isEmpty();
    }

    /** Types into the fields in the order given: selector, value, selector, value, … */
    static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Page page, String... selectorsAndValues) {
        for (int i = 0; i < selectorsAndValues.length; i += 2) {
            page.locator(selectorsAndValues[i]).fill(selectorsAndValues[i + 1]);
        }
    }

    static void upload(Page page, String kind, Path file, String typeLabel) {
        page.locator("#file-" + kind).setInputFiles(file);
        assertThat(page.locator("#file-" + kind + "-info")).containsText("已上傳");
        assertThat(page.locator("#file-" + kind + "-info")).containsText(typeLabel);
        assertThat(page.locator("#file-" + kind + "-error")).isEmpty();
    }
}
