package tw.laborcloud.registration.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.core.Response;
import tw.laborcloud.platform.security.Roles;

/** Provisions union logins through Keycloak's admin API with the service account labor-backend. */
@Component
class KeycloakUnionAccounts implements UnionAccounts, DisposableBean {

    static final String APPLICATION_ID = "applicationId";
    static final String UNION_ID = "unionId";

    private final Keycloak keycloak;
    private final String realm;

    KeycloakUnionAccounts(@Value("${laborcloud.keycloak.url}") String url,
            @Value("${laborcloud.keycloak.realm}") String realm,
            @Value("${laborcloud.keycloak.admin-client-id}") String clientId,
            @Value("${laborcloud.keycloak.admin-client-secret}") String clientSecret) {
        this.realm = realm;
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(url)
                .realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId)
                .clientSecret(clientSecret)
                // bounded waits: a hanging Keycloak must fail an attempt (and count for the circuit breaker)
                // rather than hold the activator; the admin client's own Jackson setup tolerates newer servers
                .resteasyClient(ResteasyClientClassicProvider.createClientBuilder()
                        .register(JacksonProvider.class, 100)
                        .connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(15, TimeUnit.SECONDS)
                        .build())
                .build();
    }

    @Override
    public String provision(NewUnionAccount account) {
        RealmResource realmResource = keycloak.realm(realm);
        String userId = existingUserId(realmResource, account);
        if (userId == null) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(account.username());
            user.setEmail(account.email());
            user.setEmailVerified(true);
            user.setEnabled(true);
            user.setAttributes(Map.of(APPLICATION_ID, List.of(account.applicationId()),
                    UNION_ID, List.of(account.unionId())));
            try (Response response = realmResource.users().create(user)) {
                if (response.getStatus() == 409) {
                    // created meanwhile by an earlier attempt whose answer was lost: look again
                    userId = existingUserId(realmResource, account);
                    if (userId == null) {
                        // not our user name: another unique field (e-mail, where the realm forbids duplicates)
                        throw new AccountClashException("Keycloak refused user " + account.username() + " of "
                                + account.applicationId() + " as a duplicate of another user: "
                                + response.readEntity(String.class));
                    }
                } else {
                    userId = CreatedResponseUtil.getCreatedId(response);
                }
            }
        }
        UserResource userResource = realmResource.users().get(userId);
        setCredentialIfMissing(userResource, account.passwordHash());
        RoleRepresentation union = realmResource.roles().get(Roles.UNION).toRepresentation();
        boolean hasRole = userResource.roles().realmLevel().listEffective().stream()
                .anyMatch(r -> Roles.UNION.equals(r.getName()));
        if (!hasRole) {
            userResource.roles().realmLevel().add(List.of(union));
        }
        return userId;
    }

    @Override
    public boolean close(String username) {
        RealmResource realmResource = keycloak.realm(realm);
        List<UserRepresentation> found = realmResource.users().searchByUsername(username, true);
        if (found.isEmpty()) {
            return false;
        }
        UserRepresentation user = found.getFirst();
        boolean closing = !Boolean.FALSE.equals(user.isEnabled());
        if (closing) {
            user.setEnabled(false);
            realmResource.users().get(user.getId()).update(user);
        }
        // also when redelivered after a failure between the two calls: its open sessions end now
        realmResource.users().get(user.getId()).logout();
        return closing;
    }

    private static String existingUserId(RealmResource realmResource, NewUnionAccount account) {
        List<UserRepresentation> found = realmResource.users().searchByUsername(account.username(), true);
        if (found.isEmpty()) {
            return null;
        }
        UserRepresentation user = found.getFirst();
        List<String> applicationIds = user.getAttributes() == null ? null : user.getAttributes().get(APPLICATION_ID);
        if (applicationIds == null || !applicationIds.contains(account.applicationId())) {
            throw new AccountClashException("Keycloak user " + account.username()
                    + " exists for another application than " + account.applicationId());
        }
        return user.getId();
    }

    /** A pre-hashed credential can only be set with a user update, not with reset-password. */
    private static void setCredentialIfMissing(UserResource userResource, PasswordHash hash) {
        if (hash == null || userResource.credentials().stream().anyMatch(c -> "password".equals(c.getType()))) {
            return;
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setCredentialData(hash.credentialData());
        credential.setSecretData(hash.secretData());
        credential.setTemporary(false);
        UserRepresentation update = userResource.toRepresentation();
        update.setCredentials(List.of(credential));
        userResource.update(update);
    }

    @Override
    public void destroy() {
        keycloak.close();
    }
}
