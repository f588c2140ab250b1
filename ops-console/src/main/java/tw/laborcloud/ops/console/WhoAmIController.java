package tw.laborcloud.ops.console;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the page is talking for (shown in its header; replays are audited under this name). */
@RestController
class WhoAmIController {

    record Me(String username, List<String> roles) {
    }

    @GetMapping("/api/ops/me")
    Me me(Authentication who) {
        return new Me(Operators.name(who), who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
    }
}
