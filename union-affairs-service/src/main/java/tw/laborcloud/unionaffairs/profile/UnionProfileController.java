package tw.laborcloud.unionaffairs.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tw.laborcloud.unionaffairs.access.OfficerReads;

import tw.laborcloud.events.registration.UnionDetails.Address;
import tw.laborcloud.events.registration.UnionDetails.Counts;
import tw.laborcloud.events.registration.UnionTypes;
import tw.laborcloud.platform.web.ApiException;
import tw.laborcloud.unionaffairs.profile.UnionProfile.ProfileChange;

/** A union reads its own profile; bureau officers read any. Nobody changes it here: only accepted filings do. */
@Tag(name = "工會基本資料", description = "已開通工會之基本資料")
@RestController
class UnionProfileController {

    private final UnionProfiles profiles;

    private final OfficerReads officerReads;

    UnionProfileController(UnionProfiles profiles, OfficerReads officerReads) {
        this.profiles = profiles;
        this.officerReads = officerReads;
    }

    @Operation(summary = "本工會基本資料", description = "登入工會自身之名稱、會址、理事長等資料。")
    @GetMapping("/api/union/profile")
    ProfileView own(@AuthenticationPrincipal Jwt jwt) {
        return load(UnionIdentity.ownUnionId(jwt));
    }

    @Operation(summary = "一個工會之基本資料", description = "供審查人員查閱。")
    @GetMapping("/api/union/profiles/{unionId}")
    ProfileView one(@PathVariable String unionId, JwtAuthenticationToken authentication, HttpServletRequest request) {
        if (!UnionIdentity.isOfficer(authentication)
                && !unionId.equals(UnionIdentity.ownUnionId(authentication.getToken()))) {
            throw ApiException.forbidden("NOT_YOUR_UNION", "只能查看自己工會的資料。");
        }
        ProfileView profile = load(unionId);
        officerReads.record(authentication, request, unionId, "PROFILE");
        return profile;
    }

    private ProfileView load(String unionId) {
        return profiles.find(unionId).map(ProfileView::of).orElseThrow(() -> ApiException.notFound("PROFILE_NOT_FOUND",
                "查無工會資料：貴會帳號正在建立中，請稍候幾分鐘再重新整理；若持續出現此訊息，請洽新北市政府勞工局。"));
    }

    /** The profile as the API shows it; changes newest first. */
    record ProfileView(String unionId, String certificateNo, String unionName, String unionType,
            String unionTypeLabel, UnionProfile.Status status, String statusLabel, Instant activatedAt,
            String applicationId, String representative, Address address, Address mailingAddress,
            LocalDate foundedOn, Counts members, Counts memberRepresentatives, Counts directors, Counts supervisors,
            Integer memberUnions, String contactName, String contactPhone, String fax, String contactEmail,
            String backupEmail, LocalDate dissolvedOn, List<ProfileChange> changes) {

        static ProfileView of(UnionProfile p) {
            UnionProfile.Status status = p.status() == null ? UnionProfile.Status.ACTIVE : p.status();
            return new ProfileView(p.unionId(), p.certificateNo(), p.unionName(), p.unionType(),
                    p.unionType() == null ? null : UnionTypes.label(p.unionType()), status, status.label(),
                    p.activatedAt(), p.applicationId(), p.representative(), p.address(), p.mailingAddress(),
                    p.foundedOn(), p.members(), p.memberRepresentatives(), p.directors(), p.supervisors(),
                    p.memberUnions(), p.contactName(), p.contactPhone(), p.fax(), p.contactEmail(), p.backupEmail(),
                    p.dissolvedOn(), p.changes().reversed());
        }
    }
}
