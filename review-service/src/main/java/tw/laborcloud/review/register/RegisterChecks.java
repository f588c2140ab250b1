package tw.laborcloud.review.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tw.laborcloud.events.registration.UnionNames;
import tw.laborcloud.events.registration.UnionTypes;

/**
 * The automatic checks of a case against the union register: the certificate exists, the
 * names match and the types match. Computed when the case is looked at, so that a register
 * imported after the application still counts.
 */
public final class RegisterChecks {

    public enum Result { PASS, FAIL, UNAVAILABLE }

    /** One check with what the application says and what the register says. */
    public record Check(String code, String label, Result result, String applied, String registered) {
    }

    private RegisterChecks() {
    }

    public static List<Check> of(String certificateNo, String unionName, String unionType,
            Optional<RegisteredUnion> entry) {
        List<Check> checks = new ArrayList<>();
        if (entry.isEmpty()) {
            checks.add(new Check("CERTIFICATE_REGISTERED", "立案證書編號在登記簿中", Result.FAIL, certificateNo, null));
            checks.add(new Check("NAME_MATCHES", "工會名稱與登記簿相符", Result.UNAVAILABLE, unionName, null));
            checks.add(new Check("TYPE_MATCHES", "工會類別與登記簿相符", Result.UNAVAILABLE, UnionTypes.label(unionType), null));
            return checks;
        }
        RegisteredUnion registered = entry.get();
        checks.add(new Check("CERTIFICATE_REGISTERED", "立案證書編號在登記簿中", Result.PASS, certificateNo,
                registered.certificateNo() + "（核發 " + registered.issuedOn() + "）"));
        checks.add(new Check("NAME_MATCHES", "工會名稱與登記簿相符",
                sameName(unionName, registered.unionName()) ? Result.PASS : Result.FAIL, unionName,
                registered.unionName()));
        checks.add(new Check("TYPE_MATCHES", "工會類別與登記簿相符",
                unionType == null ? Result.UNAVAILABLE
                        : unionType.equals(registered.unionType()) ? Result.PASS : Result.FAIL,
                UnionTypes.label(unionType), UnionTypes.label(registered.unionType())));
        return checks;
    }

    static boolean sameName(String a, String b) {
        return UnionNames.same(a, b);
    }
}
