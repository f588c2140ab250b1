package tw.laborcloud.registration.registration;

import java.util.List;
import java.util.Optional;

import tw.laborcloud.events.registration.NewTaipeiDistricts;

/**
 * The choices of the registration form: union types (Labor Union Act art. 6 and 8), the
 * sections of Taiwan's Standard Industrial Classification (11th revision) and New Taipei
 * City's 29 districts with their postal codes. The form's page reads them from the API,
 * so this is their only copy.
 */
public final class ReferenceData {

    public static final String CITY = NewTaipeiDistricts.CITY;

    public record Choice(String code, String label) {
    }

    public static final List<Choice> UNION_TYPES = List.of(
            new Choice("ENTERPRISE", "企業工會"),
            new Choice("INDUSTRIAL", "產業工會"),
            new Choice("OCCUPATIONAL", "職業工會"),
            new Choice("FEDERATION", "聯合組織"));

    public static final String FEDERATION = "FEDERATION";

    public static final List<Choice> INDUSTRIES = List.of(
            new Choice("A", "農、林、漁、牧業"),
            new Choice("B", "礦業及土石採取業"),
            new Choice("C", "製造業"),
            new Choice("D", "電力及燃氣供應業"),
            new Choice("E", "用水供應及污染整治業"),
            new Choice("F", "營建工程業"),
            new Choice("G", "批發及零售業"),
            new Choice("H", "運輸及倉儲業"),
            new Choice("I", "住宿及餐飲業"),
            new Choice("J", "出版影音及資通訊業"),
            new Choice("K", "金融及保險業"),
            new Choice("L", "不動產業"),
            new Choice("M", "專業、科學及技術服務業"),
            new Choice("N", "支援服務業"),
            new Choice("O", "公共行政及國防；強制性社會安全"),
            new Choice("P", "教育業"),
            new Choice("Q", "醫療保健及社會工作服務業"),
            new Choice("R", "藝術、娛樂及休閒服務業"),
            new Choice("S", "其他服務業"));

    /** The districts live in the events module, shared with the union-affairs service's change of address. */
    public static final List<NewTaipeiDistricts.District> DISTRICTS = NewTaipeiDistricts.ALL;

    /** Mailboxes that may not receive the confirmation mail (the seed's warning). */
    public static final List<String> UNRELIABLE_MAIL_DOMAINS = List.of("qq.com", "163.com", "126.com", "yeah.net");

    private ReferenceData() {
    }

    public static Optional<String> postalCodeOf(String district) {
        return district == null ? Optional.empty() : NewTaipeiDistricts.postalCodeOf(district);
    }

    public static Optional<Choice> unionType(String code) {
        return UNION_TYPES.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public static Optional<Choice> industry(String code) {
        return INDUSTRIES.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public static boolean isUnreliableMailbox(String email) {
        if (email == null) {
            return false;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(java.util.Locale.ROOT);
        return UNRELIABLE_MAIL_DOMAINS.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }
}
