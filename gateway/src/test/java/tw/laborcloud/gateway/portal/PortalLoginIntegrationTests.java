package tw.laborcloud.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The union portal behind the OIDC login: anonymous visitors are sent to Keycloak (in zh-TW,
 * with PKCE) and come back to the page they asked for; a union sees its services; an officer
 * who logs in here is told the portal is for unions instead of an error.
 */
@SpringBootTest(properties = "laborcloud.keycloak.url=http://keycloak.test:8180")
class PortalLoginIntegrationTests {

    @Autowired
    ApplicationContext context;
    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void anAnonymousVisitToThePortalStartsTheKeycloakLoginInTraditionalChineseWithPkce() {
        web.get().uri("/portal").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/keycloak");

        URI authorize = web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(authorize.toString()).startsWith("http://keycloak.test:8180/realms/laborcloud/protocol/openid-connect/auth");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(query.getFirst("ui_locales")).isEqualTo("zh-TW");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("client_id")).isEqualTo("gateway");
    }

    @Test
    void aUnionGetsItsPortalWithItsServicesAndTheTokenItsLogoutFormNeeds() {
        WebTestClient union = web.mutateWith(mockOidcLogin().idToken(t -> t.claim("preferred_username", "12345678")
                .claim(PortalController.UNION_ID_CLAIM, "12345678")));

        union.get().uri("/portal/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("12345678")
                .jsonPath("$.unionId").isEqualTo("12345678")
                .jsonPath("$.union").isEqualTo(true)
                .jsonPath("$.csrf.parameterName").isEqualTo("_csrf")
                .jsonPath("$.csrf.token").isNotEmpty();
        String page = new String(union.get().uri("/portal").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(page).contains("工會專屬服務", "工會會務申請或備查", "href=\"/portal/affairs\"", "action=\"/logout\"");
        String affairs = new String(union.get().uri("/portal/affairs").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(affairs).contains("<h1>工會會務申請或備查</h1>");
    }

    @Test
    void anOfficerWhoLogsInAtThePortalIsToldItIsForUnions() {
        WebTestClient officer = web.mutateWith(mockOidcLogin().idToken(t -> t.claim("preferred_username", "reviewer1")));

        officer.get().uri("/portal/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("reviewer1")
                .jsonPath("$.union").isEqualTo(false);
        officer.get().uri("/portal").exchange().expectStatus().isOk();
    }

    @Test
    void logoutEndsTheSessionAtKeycloakToo() {
        ClientRegistration keycloak = context.getBean(ReactiveClientRegistrationRepository.class)
                .findByRegistrationId("keycloak").block();
        URI next = web.mutateWith(mockOidcLogin().clientRegistration(keycloak)
                        .idToken(t -> t.claim("preferred_username", "12345678")))
                .mutateWith(csrf())
                .post().uri("/logout").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(next.toString()).startsWith("http://keycloak.test:8180/realms/laborcloud/protocol/openid-connect/logout?");
        var query = UriComponentsBuilder.fromUri(next).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("gateway");
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(java.net.URLDecoder.decode(query.getFirst("post_logout_redirect_uri"), StandardCharsets.UTF_8))
                .matches("(http://localhost(:\\d+)?)?/"); // absolute on a real server
    }
}
