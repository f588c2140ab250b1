package tw.laborcloud.infra.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tw.laborcloud.events.registration.UnionTypes;

/**
 * The demo register: thirty invented unions of the four kinds the Labor Union Act knows, with certificate numbers,
 * dates and seals made up here. No real union's data: the names are generic or fictitious companies.
 */
final class DemoUnions {

    /** One union of the register; {@code sealVariant} picks the seal's layout and ink. */
    record Union(String certificateNo, String name, String type, LocalDate issuedOn, long sealVariant) {

        String sealFile() {
            return certificateNo + ".png";
        }
    }

    private static final String[][] NAMES = {
        {"INDUSTRIAL", "新北市金屬加工產業工會"},
        {"INDUSTRIAL", "新北市醫療照護產業工會"},
        {"INDUSTRIAL", "新北市運輸物流產業工會"},
        {"INDUSTRIAL", "新北市教育服務產業工會"},
        {"INDUSTRIAL", "新北市餐飲旅宿產業工會"},
        {"INDUSTRIAL", "新北市電子資訊產業工會"},
        {"INDUSTRIAL", "新北市營造產業工會"},
        {"INDUSTRIAL", "新北市社會福利產業工會"},
        {"ENTERPRISE", "遠揚精密工業股份有限公司企業工會"},
        {"ENTERPRISE", "青山客運股份有限公司企業工會"},
        {"ENTERPRISE", "北岸紡織股份有限公司企業工會"},
        {"ENTERPRISE", "河濱醫院企業工會"},
        {"ENTERPRISE", "明光電子股份有限公司企業工會"},
        {"ENTERPRISE", "新和食品股份有限公司企業工會"},
        {"ENTERPRISE", "東林印刷股份有限公司企業工會"},
        {"ENTERPRISE", "大觀百貨股份有限公司企業工會"},
        {"OCCUPATIONAL", "新北市美容美髮業職業工會"},
        {"OCCUPATIONAL", "新北市計程車駕駛員職業工會"},
        {"OCCUPATIONAL", "新北市木工業職業工會"},
        {"OCCUPATIONAL", "新北市廚師職業工會"},
        {"OCCUPATIONAL", "新北市水電工程業職業工會"},
        {"OCCUPATIONAL", "新北市家事服務業職業工會"},
        {"OCCUPATIONAL", "新北市攝影業職業工會"},
        {"OCCUPATIONAL", "新北市油漆業職業工會"},
        {"OCCUPATIONAL", "新北市汽車修理業職業工會"},
        {"OCCUPATIONAL", "新北市網路內容創作者職業工會"},
        {"OCCUPATIONAL", "新北市清潔服務業職業工會"},
        {"FEDERATION", "新北市產業總工會"},
        {"FEDERATION", "新北市職業工會聯合會"},
        {"FEDERATION", "新北市企業工會聯合會"},
    };

    private DemoUnions() {
    }

    /** The thirty, in a fixed order: the same register on every machine. */
    static List<Union> register() {
        List<Union> unions = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String certificateNo = String.valueOf(10_430_000 + 173 * i);
            LocalDate issuedOn = LocalDate.of(1995, 3, 1).plusDays(307L * i);
            unions.add(new Union(certificateNo, NAMES[i][1], NAMES[i][0], issuedOn, 11L * i + 3));
        }
        return List.copyOf(unions);
    }

    /** The register as the bureau's spreadsheet: the header and the kinds in Chinese, UTF-8, ISO dates. */
    static String csv(List<Union> unions) {
        StringBuilder csv = new StringBuilder("立案證書編號,工會名稱,工會類別,核發日期,圖記檔名\n");
        for (Union u : unions) {
            csv.append(u.certificateNo()).append(',').append(u.name()).append(',').append(UnionTypes.label(u.type())).append(',')
                    .append(u.issuedOn()).append(',').append(u.sealFile()).append('\n');
        }
        return csv.toString();
    }
}
