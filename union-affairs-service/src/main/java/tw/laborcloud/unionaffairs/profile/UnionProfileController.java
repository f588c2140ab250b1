package tw.laborcloud.unionaffairs.profile;

import java.time.Instant;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tw.laborcloud.platform.security.Roles;
import tw.laborcloud.platform.security.UnionPrincipal;
import tw.laborcloud.platform.web.ApiException;

/** A union reads its own profile; bureau officers read any. */
@RestController
class UnionProfileController {

    private static final Set<String> OFFICER_AUTHORITIES = Set.of("ROLE_" + Roles.REVIEWER, "ROLE_" + Roles.APPROVER);

    private final UnionProfiles profiles;

    UnionProfileController(UnionProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/union/profile")
    ProfileView own(@AuthenticationPrincipal Jwt jwt) {
        return load(ownUnionId(jwt));
    }

    @GetMapping("/api/union/profiles/{unionId}")
    ProfileView one(@PathVariable String unionId, JwtAuthenticationToken authentication) {
        if (!isOfficer(authentication) && !unionId.equals(ownUnionId(authentication.getToken()))) {
            throw ApiException.forbidden("NOT_YOUR_UNION", "只能查看自己工會的資料。");
        }
        return load(unionId);
    }

    private ProfileView load(String unionId) {
        return profiles.find(unionId).map(ProfileView::of).orElseThrow(() -> ApiException.notFound("PROFILE_NOT_FOUND",
                "查無工會資料：貴會帳號正在建立中，請稍候幾分鐘再重新整理；若持續出現此訊息，請洽新北市政府勞工局。"));
    }

    private static String ownUnionId(Jwt jwt) {
        String unionId = UnionPrincipal.unionId(jwt);
        if (unionId == null) {
            throw ApiException.forbidden("NO_UNION_ID", "此帳號未綁定工會，無法查看工會資料，請洽新北市政府勞工局。");
        }
        return unionId;
    }

    private static boolean isOfficer(JwtAuthenticationToken authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(OFFICER_AUTHORITIES::contains);
    }

    record ProfileView(String unionId, String certificateNo, String unionName, String contactEmail,
            Instant activatedAt, String applicationId, UnionProfile.Status status) {

        static ProfileView of(UnionProfile p) {
            return new ProfileView(p.unionId(), p.certificateNo(), p.unionName(), p.contactEmail(), p.activatedAt(),
                    p.applicationId(), p.status());
        }
    }
}
