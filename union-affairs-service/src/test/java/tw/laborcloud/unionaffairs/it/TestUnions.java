package tw.laborcloud.unionaffairs.it;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tw.laborcloud.events.registration.AccountActivated;
import tw.laborcloud.events.registration.UnionDetails;
import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.events.registration.UnionDetails.Counts;

/** Activated unions as registration-service announces them, and tokens shaped like Keycloak's. */
public final class TestUnions {

    private TestUnions() {
    }

    /** A union of 40 members (18 men, 22 women) at 板橋區文化路一段 100 號, represented by 王大明. */
    public static UnionDetails details() {
        return new UnionDetails("INDUSTRIAL", "12345675", "王大明", "C",
                new Address("220", "新北市", "板橋區", "文化路一段100號"),
                new Address("220", "新北市", "板橋區", "郵政信箱 12 號"), LocalDate.of(2020, 5, 1),
                new Counts(18, 22, 40), new Counts(3, 2, 5), new Counts(4, 5, 9), new Counts(1, 2, 3), null,
                "林小姐", "02-29603456", "02-29603457", "backup@union.example", true, true, false);
    }

    public static AccountActivated activation(UnionDetails details) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String certificateNo = String.valueOf(10_000_000 + Math.floorMod(suffix.hashCode(), 90_000_000));
        return AccountActivated.of("R-" + suffix, "corr-" + suffix, certificateNo, certificateNo, certificateNo,
                "新北市測試產業工會" + suffix, "clerk-" + suffix + "@union.example", details);
    }

    public static RequestPostProcessor union(String unionId) {
        return jwt().jwt(token -> token.claim("union_id", unionId).claim("preferred_username", unionId))
                .authorities(new SimpleGrantedAuthority("ROLE_union"));
    }

    public static RequestPostProcessor officer(String role) {
        return jwt().jwt(token -> token.claim("preferred_username", "officer-" + role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
