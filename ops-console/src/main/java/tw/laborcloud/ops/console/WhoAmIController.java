package tw.laborcloud.ops.console;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who the page is talking for (shown in its header; replays are audited under this name). */
@Tag(name = "健康狀態")
@RestController
class WhoAmIController {

    record Me(String username, List<String> roles) {
    }

    @Operation(summary = "目前登入者", description = "維運人員之帳號與角色。")
    @GetMapping("/api/ops/me")
    Me me(Authentication who) {
        return new Me(Operators.name(who), who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
    }
}
