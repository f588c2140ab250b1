package tw.laborcloud.unionaffairs.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Update;

import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.events.registration.UnionDetails.Counts;
import tw.laborcloud.unionaffairs.filing.FormValues.Person;
import tw.laborcloud.unionaffairs.profile.UnionProfile;

/**
 * What an accepted filing changes in the union's profile, by type: the address, the
 * representative, the officers' counts, the members' counts, or the union's dissolution.
 * The other types are kept for the record and change nothing.
 */
final class ProfileEffects {

    private ProfileEffects() {
    }

    /** The profile update and its description for the change history; empty when the type changes nothing. */
    record Effect(Update update, String description) {
    }

    /**
     * Reads the submitted form again: it cannot have changed since (a submitted filing is not
     * editable), and its values passed the rules then. A rule that tightened since is not
     * applied to a filing the bureau already accepted.
     */
    static Optional<Effect> of(Filing filing) {
        // read as on the day it was submitted, so "not in the future" means what it meant then
        FormValues form = FormValues.read(filing.type(), filing.form(), Deadlines.dayOf(filing.submittedAt()));
        return switch (filing.type()) {
            case ADDRESS_CHANGE -> form.get("newAddress", Address.class).map(address -> new Effect(
                    new Update().set("address", address),
                    "會址變更為 " + FormValues.format(address)
                            + form.get("effectiveOn", LocalDate.class).map(d -> "（" + d + " 起）").orElse("")));
            case REPRESENTATIVE_CHANGE -> form.get("newRepresentative", String.class).map(name -> new Effect(
                    new Update().set("representative", name), "負責人變更為 " + name));
            case OFFICER_ROSTER -> {
                Counts directors = counts(form.people("directors"));
                Counts supervisors = counts(form.people("supervisors"));
                yield Optional.of(new Effect(new Update().set("directors", directors).set("supervisors", supervisors),
                        "理事 " + directors.total() + " 人（男 " + directors.male() + "、女 " + directors.female()
                                + "）、監事 " + supervisors.total() + " 人（男 " + supervisors.male() + "、女 "
                                + supervisors.female() + "）"));
            }
            case MEMBERSHIP_AUDIT -> form.get("members", Counts.class).map(members -> new Effect(
                    new Update().set("members", members),
                    form.get("auditYear", Integer.class).map(y -> y + " 年").orElse("")
                            + "會籍總清查後會員人數：" + FormValues.format(members)));
            case DISSOLUTION -> {
                LocalDate resolved = form.get("resolutionDate", LocalDate.class).orElse(null);
                yield Optional.of(new Effect(new Update().set("status", UnionProfile.Status.DISSOLVED)
                        .set("dissolvedOn", resolved),
                        "工會解散" + (resolved == null ? "" : "（" + resolved + " 決議）")));
            }
            default -> Optional.empty();
        };
    }

    static Counts counts(List<Person> people) {
        int male = (int) people.stream().filter(p -> "M".equals(p.gender())).count();
        int female = people.size() - male;
        return new Counts(male, female, people.size());
    }
}
