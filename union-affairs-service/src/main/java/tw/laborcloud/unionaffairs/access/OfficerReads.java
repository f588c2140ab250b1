package tw.laborcloud.unionaffairs.access;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tw.laborcloud.platform.web.ClientAddress;
import tw.laborcloud.unionaffairs.profile.UnionIdentity;

/**
 * The record of officers reading a union's personal data here (its profile: representative,
 * contacts; its filings): who, with which roles, what, when and from where. Insert only. A
 * union reading its own data is not recorded.
 */
@Component
public class OfficerReads {

    public static final String COLLECTION = "officer_reads";

    private final MongoTemplate mongo;

    OfficerReads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Read(Instant at, String who, List<String> roles, String unionId, String what, String remoteAddress) {
    }

    public void record(Authentication reader, HttpServletRequest request, String unionId, String what) {
        if (!UnionIdentity.isOfficer(reader)) {
            return;
        }
        List<String> roles = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        mongo.insert(new Read(Instant.now(), reader.getName(), roles, unionId, what, ClientAddress.of(request)),
                COLLECTION);
    }
}
