package tw.laborcloud.events.registration;

import java.util.List;
import java.util.Optional;

/**
 * New Taipei City's 29 districts with their postal codes: the one list behind every
 * address of a union (the registration form, a change of address filing), so that
 * {@link UnionDetails.Address} is built the same way everywhere.
 */
public final class NewTaipeiDistricts {

    public static final String CITY = "新北市";

    public record District(String name, String postalCode) {
    }

    public static final List<District> ALL = List.of(
            new District("萬里區", "207"), new District("金山區", "208"), new District("板橋區", "220"),
            new District("汐止區", "221"), new District("深坑區", "222"), new District("石碇區", "223"),
            new District("瑞芳區", "224"), new District("平溪區", "226"), new District("雙溪區", "227"),
            new District("貢寮區", "228"), new District("新店區", "231"), new District("坪林區", "232"),
            new District("烏來區", "233"), new District("永和區", "234"), new District("中和區", "235"),
            new District("土城區", "236"), new District("三峽區", "237"), new District("樹林區", "238"),
            new District("鶯歌區", "239"), new District("三重區", "241"), new District("新莊區", "242"),
            new District("泰山區", "243"), new District("林口區", "244"), new District("蘆洲區", "247"),
            new District("五股區", "248"), new District("八里區", "249"), new District("淡水區", "251"),
            new District("三芝區", "252"), new District("石門區", "253"));

    private NewTaipeiDistricts() {
    }

    public static Optional<String> postalCodeOf(String district) {
        return ALL.stream().filter(d -> d.name().equals(district)).map(District::postalCode).findFirst();
    }
}
