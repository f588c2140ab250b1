package tw.laborcloud.review.register;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.platform.web.FieldViolation;

/**
 * Reads the register as the bureau keeps it in a spreadsheet: one row per certificate,
 * columns by English or Chinese header, UTF-8 (with or without BOM) or Big5/MS950 as Excel
 * saves it in Taiwan, dates in ISO, with slashes, or in the ROC calendar (e.g. 103/5/12).
 * Every bad row is reported at once, and nothing is imported while any row is bad.
 */
final class RegisterCsv {

    static final int MAX_ROWS = 5000;
    private static final Pattern CERTIFICATE_NO = Pattern.compile("\\d{8}");
    private static final Pattern DATE = Pattern.compile("(\\d{2,4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("certificateno", "certificateNo"), Map.entry("立案證書編號", "certificateNo"),
            Map.entry("立案證書字號", "certificateNo"),
            Map.entry("unionname", "unionName"), Map.entry("工會名稱", "unionName"),
            Map.entry("uniontype", "unionType"), Map.entry("工會類別", "unionType"), Map.entry("工會類型", "unionType"),
            Map.entry("issuedon", "issuedOn"), Map.entry("核發日期", "issuedOn"), Map.entry("發證日期", "issuedOn"),
            Map.entry("sealfile", "sealFile"), Map.entry("圖記檔名", "sealFile"), Map.entry("圖記", "sealFile"));
    private static final List<String> REQUIRED = List.of("certificateNo", "unionName", "unionType", "issuedOn");

    record Row(int line, String certificateNo, String unionName, String unionType, LocalDate issuedOn,
            String sealFile) {
    }

    private RegisterCsv() {
    }

    static List<Row> parse(byte[] content, LocalDate today) {
        List<List<String>> records = records(decode(content));
        if (records.isEmpty()) {
            throw refused("csv", "EMPTY", "CSV 檔沒有內容");
        }
        Map<String, Integer> columns = columns(records.get(0));
        if (records.size() - 1 > MAX_ROWS) {
            throw refused("csv", "TOO_MANY_ROWS", "一次最多匯入 " + MAX_ROWS + " 筆，請分批匯入");
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            String field = "rows[" + line + "]";
            String no = cell(record, columns, "certificateNo");
            String name = cell(record, columns, "unionName");
            String type = cell(record, columns, "unionType");
            String issued = cell(record, columns, "issuedOn");
            String seal = cell(record, columns, "sealFile");
            int before = errors.size();
            if (!CERTIFICATE_NO.matcher(no).matches()) {
                errors.add(new FieldViolation(field + ".certificateNo", "INVALID_FORMAT",
                        "第 " + line + " 列：立案證書編號須為 8 位數字（讀到「" + no + "」）"));
            } else if (!seen.add(no)) {
                errors.add(new FieldViolation(field + ".certificateNo", "DUPLICATE",
                        "第 " + line + " 列：立案證書編號 " + no + " 重複"));
            }
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldViolation(field + ".unionName", name.isEmpty() ? "REQUIRED" : "TOO_LONG",
                        "第 " + line + " 列：工會名稱" + (name.isEmpty() ? "空白" : "超過 100 字")));
            }
            String typeCode = UnionTypes.parse(type).orElse(null);
            if (typeCode == null) {
                errors.add(new FieldViolation(field + ".unionType", "UNKNOWN_TYPE", "第 " + line + " 列：工會類別「" + type
                        + "」不是 " + String.join("、", UnionTypes.labels().values()) + " 之一"));
            }
            LocalDate issuedOn = date(issued);
            if (issuedOn == null) {
                errors.add(new FieldViolation(field + ".issuedOn", "INVALID_DATE", "第 " + line + " 列：核發日期「" + issued
                        + "」無法辨識（例如 2014-05-12 或民國 103/05/12）"));
            } else if (issuedOn.isAfter(today)) {
                errors.add(new FieldViolation(field + ".issuedOn", "IN_FUTURE", "第 " + line + " 列：核發日期 " + issuedOn
                        + " 晚於今天"));
            }
            if (errors.size() == before) {
                rows.add(new Row(line, no, name, typeCode, issuedOn, seal.isEmpty() ? null : seal));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return rows;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = HEADERS.get(header.get(i).strip().toLowerCase(java.util.Locale.ROOT));
            if (key != null) {
                columns.putIfAbsent(key, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw refused("csv", "MISSING_COLUMNS", "CSV 第 1 列須為欄位名稱，缺少：" + String.join("、", missing)
                    + "（欄位：certificateNo,unionName,unionType,issuedOn,sealFile 或 立案證書編號,工會名稱,工會類別,核發日期,圖記檔名）");
        }
        return columns;
    }

    private static String cell(List<String> record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    /** ISO or slashed Gregorian dates, and ROC years (民國, under 1911) as the bureau writes them. */
    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.replace("民國", "").strip());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1911) {
            year += 1911;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return strict(StandardCharsets.UTF_8).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(Charset.forName("x-windows-950")).decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException notBig5) {
                throw refused("csv", "UNKNOWN_ENCODING", "CSV 檔的編碼無法辨識，請存成 UTF-8 或 Big5");
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** RFC 4180: commas, quoted fields with doubled quotes and line breaks inside quotes. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static ApiException refused(String field, String code, String message) {
        return ApiException.invalid(List.of(new FieldViolation(field, code, message)));
    }
}
