package tw.laborcloud.review.register;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;
import tw.laborcloud.review.audit.Actor;
import tw.laborcloud.review.audit.AuditTrail;

/**
 * Changes to the union register: a CSV import with the seal images it names, and corrections
 * of single entries. Everything is checked before anything is written, and every created or
 * changed entry gets its own audit line with what it was before.
 */
@Service
public class RegisterMaintenance {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final UnionRegister register;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterMaintenance(UnionRegister register, AuditTrail audit) {
        this.register = register;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    public record ImportResult(int rows, int created, int updated, int unchanged, List<String> warnings) {
    }

    public record Correction(String unionName, String unionType, String issuedOn, String reason) {
    }

    public ImportResult importCsv(MultipartFile csv, List<MultipartFile> sealFiles, Actor actor) throws IOException {
        if (csv == null || csv.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldViolation("csv", "REQUIRED", "請選擇登記簿 CSV 檔")));
        }
        if (csv.getSize() > 5 * 1024 * 1024) {
            throw ApiException.invalid(List.of(new FieldViolation("csv", "TOO_LARGE", "CSV 檔最大 5 MB")));
        }
        List<RegisterCsv.Row> rows = RegisterCsv.parse(csv.getBytes(), LocalDate.now(clock.withZone(TAIPEI)));
        Map<String, RegisteredUnion.Seal> seals = readSeals(sealFiles, rows);
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> warnings = new ArrayList<>();
        for (RegisterCsv.Row row : rows) {
            RegisteredUnion before = register.find(row.certificateNo()).orElse(null);
            RegisteredUnion.Seal seal = row.sealFile() == null ? (before == null ? null : before.seal())
                    : seals.get(row.sealFile());
            RegisteredUnion after = new RegisteredUnion(row.certificateNo(), row.unionName(), row.unionType(),
                    row.issuedOn(), seal, now, actor.username());
            String changes = changes(before, after);
            if (changes.isEmpty()) {
                unchanged++;
                continue;
            }
            register.save(after);
            audit.record(actor, before == null ? "REGISTER_CREATE" : "REGISTER_UPDATE", row.certificateNo(),
                    "匯入第 " + row.line() + " 列：" + changes, AuditTrail.DONE);
            if (before == null) {
                created++;
            } else {
                updated++;
            }
            if (seal == null) {
                warnings.add("第 " + row.line() + " 列 " + row.certificateNo() + " 沒有登記圖記影像，無法比對圖記");
            }
        }
        Set<String> named = new HashSet<>();
        rows.forEach(r -> named.add(r.sealFile()));
        seals.keySet().stream().filter(f -> !named.contains(f)).sorted()
                .forEach(f -> warnings.add("圖記檔 " + f + " 未被任何一列使用"));
        audit.record(actor, "REGISTER_IMPORT", csv.getOriginalFilename(), rows.size() + " 列：新增 " + created
                + "、更新 " + updated + "、未變更 " + unchanged, AuditTrail.DONE);
        return new ImportResult(rows.size(), created, updated, unchanged, warnings);
    }

    public RegisteredUnion correct(String certificateNo, Correction correction, Actor actor) {
        RegisteredUnion before = existing(certificateNo);
        List<FieldViolation> errors = new ArrayList<>();
        String reason = correction == null || correction.reason() == null ? "" : correction.reason().strip();
        if (reason.isEmpty()) {
            errors.add(new FieldViolation("reason", "REQUIRED", "更正登記簿須說明原因"));
        }
        String name = correction == null || correction.unionName() == null ? before.unionName()
                : correction.unionName().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldViolation("unionName", "INVALID", "工會名稱須為 1 至 100 字"));
        }
        String type = correction == null || correction.unionType() == null ? before.unionType()
                : UnionTypes.parse(correction.unionType()).orElse(null);
        if (type == null) {
            errors.add(new FieldViolation("unionType", "UNKNOWN_TYPE", "請選擇工會類別"));
        }
        LocalDate issuedOn = correction == null || correction.issuedOn() == null ? before.issuedOn()
                : RegisterCsv.date(correction.issuedOn());
        if (issuedOn == null) {
            errors.add(new FieldViolation("issuedOn", "INVALID_DATE", "核發日期無法辨識（例如 2014-05-12）"));
        } else if (issuedOn.isAfter(LocalDate.now(clock.withZone(TAIPEI)))) {
            errors.add(new FieldViolation("issuedOn", "IN_FUTURE", "核發日期不能晚於今天"));
        }
        if (!errors.isEmpty()) {
            audit.record(actor, "REGISTER_CORRECT", certificateNo, reason, "INVALID");
            throw ApiException.invalid(errors);
        }
        RegisteredUnion after = new RegisteredUnion(certificateNo, name, type, issuedOn, before.seal(),
                clock.instant(), actor.username());
        register.save(after);
        audit.record(actor, "REGISTER_CORRECT", certificateNo, changes(before, after) + "；原因：" + reason,
                AuditTrail.DONE);
        return after;
    }

    public RegisteredUnion replaceSeal(String certificateNo, MultipartFile file, String reason, Actor actor)
            throws IOException {
        RegisteredUnion before = existing(certificateNo);
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid(List.of(new FieldViolation("reason", "REQUIRED", "更換登記圖記須說明原因")));
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldViolation("seal", "REQUIRED", "請選擇圖記影像")));
        }
        RegisteredUnion.Seal seal;
        try {
            seal = SealImageReader.seal(file.getBytes());
        } catch (SealImageReader.UnusableImage e) {
            throw ApiException.invalid(List.of(new FieldViolation("seal", "UNUSABLE_IMAGE", e.getMessage())));
        }
        RegisteredUnion after = before.withSeal(seal, clock.instant(), actor.username());
        register.save(after);
        audit.record(actor, "REGISTER_SEAL", certificateNo, changes(before, after) + "；原因：" + reason.strip(),
                AuditTrail.DONE);
        return after;
    }

    private RegisteredUnion existing(String certificateNo) {
        return register.find(certificateNo).orElseThrow(() -> ApiException.notFound("NOT_REGISTERED",
                "登記簿中沒有立案證書編號 " + certificateNo));
    }

    private static Map<String, RegisteredUnion.Seal> readSeals(List<MultipartFile> files, List<RegisterCsv.Row> rows)
            throws IOException {
        Map<String, RegisteredUnion.Seal> seals = new HashMap<>();
        List<FieldViolation> errors = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = baseName(file.getOriginalFilename());
            try {
                seals.put(name, SealImageReader.seal(file.getBytes()));
            } catch (SealImageReader.UnusableImage e) {
                errors.add(new FieldViolation("seals[" + name + "]", "UNUSABLE_IMAGE", "圖記檔 " + name + "：" + e.getMessage()));
            }
        }
        for (RegisterCsv.Row row : rows) {
            if (row.sealFile() != null && !seals.containsKey(row.sealFile())
                    && errors.stream().noneMatch(e -> e.field().equals("seals[" + row.sealFile() + "]"))) {
                errors.add(new FieldViolation("rows[" + row.line() + "].sealFile", "SEAL_FILE_MISSING",
                        "第 " + row.line() + " 列：找不到圖記檔 " + row.sealFile() + "，請一併選擇該影像檔"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return seals;
    }

    private static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String plain = name.replace('\\', '/');
        return plain.substring(plain.lastIndexOf('/') + 1);
    }

    /** What changed, in words for the audit trail; empty when nothing did. */
    static String changes(RegisteredUnion before, RegisteredUnion after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("新增 " + after.unionName() + "（" + UnionTypes.label(after.unionType()) + "，核發 "
                    + after.issuedOn() + (after.seal() == null ? "，無圖記" : "，圖記 " + after.seal().sha256().substring(0, 12))
                    + "）");
            return String.join("；", changes);
        }
        if (!Objects.equals(before.unionName(), after.unionName())) {
            changes.add("工會名稱 " + before.unionName() + " → " + after.unionName());
        }
        if (!Objects.equals(before.unionType(), after.unionType())) {
            changes.add("工會類別 " + UnionTypes.label(before.unionType()) + " → " + UnionTypes.label(after.unionType()));
        }
        if (!Objects.equals(before.issuedOn(), after.issuedOn())) {
            changes.add("核發日期 " + before.issuedOn() + " → " + after.issuedOn());
        }
        String sealBefore = before.seal() == null ? null : before.seal().sha256();
        String sealAfter = after.seal() == null ? null : after.seal().sha256();
        if (!Objects.equals(sealBefore, sealAfter)) {
            changes.add("圖記 " + (sealBefore == null ? "無" : sealBefore.substring(0, 12)) + " → "
                    + (sealAfter == null ? "無" : sealAfter.substring(0, 12)));
        }
        return String.join("；", changes);
    }
}
