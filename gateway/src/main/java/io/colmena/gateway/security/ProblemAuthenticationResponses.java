package io.colmena.gateway.security;

import io.colmena.gateway.problem.ProblemTypes;
import io.colmena.gateway.problem.ExchangeTrace;
import io.colmena.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's answers when a request is not authenticated, in its problem format:
 * <ul>
 *   <li>no bearer token → <b>401</b> {@code unauthenticated},
 *       {@code WWW-Authenticate: Bearer realm="colmena"} (RFC 6750 §3);</li>
 *   <li>a token that is not a valid Colmena access token (signature, algorithm, expiry, issuer,
 *       audience, type) → <b>401</b> {@code unauthenticated},
 *       {@code WWW-Authenticate: Bearer realm="colmena", error="invalid_token"} (RFC 6750 §3.1); the
 *       detail does not say which check failed;</li>
 *   <li>the realm's signing keys cannot be fetched (Keycloak down, no keys known yet) →
 *       <b>503</b> {@code service-unavailable};</li>
 *   <li>authenticated but not allowed → <b>403</b> {@code forbidden}.</li>
 * </ul>
 */
final class ProblemAuthenticationResponses
        implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler, ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationResponses.class);
    private static final String REALM = "Bearer realm=\"colmena\"";

    private final ProblemWriter problems;
    private final ExchangeTrace trace;

    ProblemAuthenticationResponses(ProblemWriter problems, ExchangeTrace trace) {
        this.problems = problems;
        this.trace = trace;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        HttpHeaders headers = new HttpHeaders();
        String detail;
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\", "
                    + "error_description=\"The access token is not valid\"");
            detail = "The access token is not valid: it is expired, not yet valid, not signed by the realm, "
                    + "not issued for this API, or not an access token.";
            trace.run(exchange, () -> log.debug("Refused a bearer token on {} {}: {}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex.getMessage()));
            // A malformed Authorization header (not "Bearer <token>") is treated the same way.
        }
        else {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, REALM);
            detail = "This call needs a bearer access token (Authorization: Bearer <token>).";
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, detail, headers);
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (ex instanceof AuthenticationServiceException) {
            trace.run(exchange, () -> log.warn("Cannot check access tokens: {}", ex.getMessage()));
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be checked right now: the identity provider is unavailable; try again shortly.",
                    HttpHeaders.EMPTY);
        }
        return commence(exchange, ex);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "The access token does not allow this call.", HttpHeaders.EMPTY);
    }
}
