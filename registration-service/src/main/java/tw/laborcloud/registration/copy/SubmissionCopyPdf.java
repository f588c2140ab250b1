package tw.laborcloud.registration.copy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.registration.registration.DocumentKind;
import tw.laborcloud.registration.registration.ReferenceData;
import tw.laborcloud.registration.registration.Registration;
import tw.laborcloud.registration.registration.RegistrationRequest;

/**
 * The submission copy (送件副本): every field of the registration form as it was sent, with the form's own
 * labels, the documents with the size and SHA-256 document-service found, the application id, the time of
 * submission and the address of the status page. It is what the applicant keeps as proof of what the bureau
 * received, so it prints what is stored, never the password (only its hash is stored) or the captcha.
 */
final class SubmissionCopyPdf {

    static final String TITLE = "工會帳號申請書（送件副本）";
    static final String BEING_CHECKED = "文件檢核中";
    static final String NOT_GIVEN = "未填";
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final float BODY = 10;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SubmissionCopyPdf() {
    }

    /**
     * @param statusPage the status page's address for this application
     * @param madeAt when the copy is made (the status it shows is the one at that time)
     */
    static byte[] render(Registration r, String statusPage, Instant madeAt) {
        try {
            return CopyFont.get().withFont(font -> render(r, statusPage, madeAt, font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(Registration r, String statusPage, Instant madeAt, TrueTypeFont font)
            throws IOException {
        try (PDDocument document = new PDDocument(); PageWriter page = new PageWriter(document, CopyFont.get(), font)) {
            describe(document, r, madeAt);
            page.centred("新北市政府勞工局　新北勞動雲 工會服務", 11);
            page.centred(TITLE, 18);
            page.space(6);
            page.row("申請案號", r.applicationId(), BODY);
            page.row("送出時間", dateTime(r.submittedAt()), BODY);
            page.row("目前狀態", r.status().label(), BODY);
            page.row("本副本產製時間", dateTime(madeAt), BODY);
            page.row("進度查詢", statusPage, BODY);

            UnionDetails d = r.details();
            page.heading("帳號");
            page.row("帳號（立案證書字號）", r.certificateNo(), BODY);
            page.heading("工會基本資料");
            page.row("工會名稱", r.unionName(), BODY);
            page.row("工會類型", ReferenceData.unionType(d.unionType()).map(ReferenceData.Choice::label)
                    .orElse(d.unionType()), BODY);
            page.row("工會統一編號", given(d.unionTaxId()), BODY);
            page.row("負責人", d.representative(), BODY);
            page.row("行業標準類型", ReferenceData.industry(d.industry()).map(c -> c.code() + " " + c.label())
                    .orElse(d.industry()), BODY);
            page.row("成立日期", date(d.foundedOn()), BODY);
            page.row("工會會址", address(d.address()), BODY);
            page.row("工會通訊地址", d.mailingAddress() == null ? NOT_GIVEN : address(d.mailingAddress()), BODY);
            page.heading("人數");
            page.row("會員人數", counts(d.members()), BODY);
            page.row("會員代表人數", counts(d.memberRepresentatives()), BODY);
            page.row("理事人數", counts(d.directors()), BODY);
            page.row("監事人數", counts(d.supervisors()), BODY);
            if (d.memberUnions() != null || ReferenceData.FEDERATION.equals(d.unionType())) {
                page.row("工會會員數（聯合組織使用）", d.memberUnions() == null ? NOT_GIVEN : d.memberUnions() + " 家", BODY);
            }
            page.heading("聯絡資料");
            page.row("聯絡人", d.contactName(), BODY);
            page.row("聯絡人電話", d.contactPhone(), BODY);
            page.row("傳真電話", given(d.fax()), BODY);
            page.row("聯絡人電子郵件", r.contactEmail(), BODY);
            page.row("備用電子郵件", given(d.backupEmail()), BODY);
            page.heading("工會自評");
            page.row("完成性騷擾防治措施", yesNo(d.harassmentPreventionDone()), BODY);
            page.row("章程或選舉辦法是否訂有單一性別達 1/3", yesNo(d.genderOneThirdRule()), BODY);
            page.row("已加入上級工會", yesNo(d.joinedHigherUnion()), BODY);
            documents(page, r);
            page.space(10);
            page.paragraph("本副本依貴會送出之申請資料產製，僅供留存；密碼及驗證碼不列入。文件之檔名、大小及 SHA-256 雜湊值由系統於"
                    + "收件時計算，可用以確認所留存之檔案與送件者相同。", 9);
            page.finish(TITLE + "　" + r.applicationId());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void documents(PageWriter page, Registration r) throws IOException {
        page.heading("附件");
        if (r.currentRound() > 1) {
            page.paragraph("本申請已補正文件 " + (r.currentRound() - 1) + " 次，以下為目前之文件（含補正送出者）。", 9);
        }
        List<RegistrationRequest.DocumentRef> documents = r.documents() == null ? List.of() : r.documents();
        for (RegistrationRequest.DocumentRef doc : documents) {
            page.space(4);
            page.keepTogether(4, BODY);
            // the upload's ticket vouched for these at submission; an older ticket (version 1) did not, then the
            // verification tells size and hash
            Optional<Registration.UploadedFile> uploaded = r.uploadedFile(doc.uploadId());
            Optional<Registration.VerifiedFile> verified = r.verifiedFile(doc.uploadId());
            page.row(DocumentKind.labelOf(doc.kind()), uploaded.map(Registration.UploadedFile::fileName)
                    .orElse("（檔名未提供）"), BODY);
            if (uploaded.isPresent()) {
                page.row("　大小", size(uploaded.get().size()), 9);
                page.row("　SHA-256", uploaded.get().sha256(), 9);
            } else if (verified.isPresent()) {
                page.row("　大小", size(verified.get().size()), 9);
                page.row("　SHA-256", verified.get().sha256(), 9);
            } else {
                page.row("　大小／SHA-256", BEING_CHECKED, 9);
            }
            page.row("　上傳編號", doc.uploadId(), 9);
        }
    }

    private static void describe(PDDocument document, Registration r, Instant madeAt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(TITLE + " " + r.applicationId());
        info.setAuthor("新北市政府勞工局 新北勞動雲");
        info.setSubject(r.unionName());
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(TAIPEI), Locale.ROOT);
        created.setTimeInMillis(madeAt.toEpochMilli());
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("zh-TW");
    }

    /** 民國 115 年 12 月 3 日 17:27:11（2026-12-03T17:27:11+08:00）: the Republic's year, then ISO 8601. */
    static String dateTime(Instant at) {
        if (at == null) {
            return "—";
        }
        ZonedDateTime t = at.atZone(TAIPEI).truncatedTo(ChronoUnit.SECONDS);
        return rocDate(t.toLocalDate()) + " " + TIME.format(t) + "（" + ISO.format(t) + "）";
    }

    static String date(LocalDate day) {
        return day == null ? NOT_GIVEN : rocDate(day) + "（" + day + "）";
    }

    private static String rocDate(LocalDate day) {
        return "民國 " + (day.getYear() - 1911) + " 年 " + day.getMonthValue() + " 月 " + day.getDayOfMonth() + " 日";
    }

    private static String address(UnionDetails.Address a) {
        return a.postalCode() + " " + a.city() + a.district() + a.street();
    }

    private static String counts(UnionDetails.Counts c) {
        return c == null ? NOT_GIVEN : "男 " + c.male() + " 人、女 " + c.female() + " 人，總數 " + c.total() + " 人";
    }

    private static String yesNo(Boolean answer) {
        return answer == null ? NOT_GIVEN : answer ? "是" : "否";
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? NOT_GIVEN : value;
    }

    static String size(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d 位元組", bytes);
        if (bytes < 1024) {
            return exact;
        }
        return bytes < 1024 * 1024 ? exact + String.format(Locale.ROOT, "（%.1f KB）", bytes / 1024.0)
                : exact + String.format(Locale.ROOT, "（%.1f MB）", bytes / (1024.0 * 1024));
    }
}
