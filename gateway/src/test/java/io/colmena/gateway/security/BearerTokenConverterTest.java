package io.colmena.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/** The gateway's converter against Spring Security's: the same tokens, the same refusals. */
class BearerTokenConverterTest {

    private static final ServerAuthenticationConverter SPRING = new ServerBearerTokenAuthenticationConverter();
    private static final ServerAuthenticationConverter GATEWAY = new BearerTokenConverter();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln", "bearer abc", "BEARER abc",
            "Bearer abc==", "Bearer a-b.c_d~e+f/g=", "Bearer ", "Bearer", "Bearer  abc", "Bearer ab c",
            "Bearer abc ", "Bearer ===", "Bearer a=b", "Bearer abc\n", "Bearer ab\u00f1c", "Bearerabc",
            "Basic dXNlcjpwYXNz", "Token abc", "bear abc", ""})
    void readsAndRefusesExactlyWhatSpringSecurityDoes(String authorization) {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/customers")
                .header(HttpHeaders.AUTHORIZATION, authorization).build();

        assertThat(outcome(GATEWAY, request)).isEqualTo(outcome(SPRING, request));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/auth/login", "/webhooks/stripe", "/actuator/health"})
    void aTokenOnAPublicEndpointIsNotExamined(String path) {
        MockServerHttpRequest request = MockServerHttpRequest.post(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer not a token").build();

        assertThat(outcome(GATEWAY, request)).isEqualTo("no token");
    }

    private static String outcome(ServerAuthenticationConverter converter, MockServerHttpRequest request) {
        try {
            Authentication authentication = Mono.defer(() -> converter.convert(MockServerWebExchange.from(request)))
                    .block(Duration.ofSeconds(5));
            return authentication == null ? "no token"
                    : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException ex) {
            return "refused: " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
        }
    }
}
