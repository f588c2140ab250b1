package tw.laborcloud.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A demo user of the development realm file (local use only): the officers the banner lists and the seeding uses. */
public record DemoAccount(String username, String password, List<String> roles, String email) {

    /** The users with a password in {@code keycloak/laborcloud-realm.json}. */
    public static List<DemoAccount> all() {
        try (InputStream in = DemoAccount.class.getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            JsonNode realm = JsonMapper.builder().build().readTree(in);
            List<DemoAccount> out = new ArrayList<>();
            for (JsonNode user : realm.path("users")) {
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asString()) && credential.has("value")) {
                        List<String> roles = new ArrayList<>();
                        for (JsonNode role : user.path("realmRoles")) {
                            if (!role.asString().startsWith("default-roles-")) {
                                roles.add(role.asString());
                            }
                        }
                        out.add(new DemoAccount(user.path("username").asString(),
                                credential.path("value").asString(), List.copyOf(roles),
                                user.path("email").asString()));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first development user with this realm role ({@code reviewer}, {@code approver}, {@code ops}). */
    public static DemoAccount withRole(String role) {
        return all().stream().filter(a -> a.roles().contains(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the development realm has no " + role));
    }
}
