package io.colmena.gateway.security;

import io.colmena.gateway.problem.ExchangeTrace;
import io.colmena.gateway.problem.ProblemTypes;
import io.colmena.gateway.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway as an OAuth2 resource server (RFC 6750): every request needs a valid Colmena access
 * token ({@link AccessTokenValidation}) except the {@link PublicEndpoints}. Stateless: no session,
 * no saved request, no CSRF (bearer tokens, no cookies). The token is relayed to the service
 * unchanged in {@code Authorization}. Refusals are problems ({@link ProblemAuthenticationResponses}).
 *
 * <p>Spring Security's default response headers are off: answers of the services pass through as
 * they are (the services set their own security headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The system clock in UTC, unless a test provides another one. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@link AccessTokenValidation}'s checks, with the signature of each token verified once. */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(GatewaySecurityProperties properties, Clock clock, MeterRegistry meters) {
        return new VerifiedTokenCache(AccessTokenValidation.decoder(properties, clock),
                AccessTokenValidation.claims(properties, clock), properties.jwksMaxAge(),
                properties.verifiedTokensMaxSize(), clock).monitoredBy(meters);
    }

    /**
     * Spring Security's strict firewall with the same header rules, checked by
     * {@link HeaderCharacters} instead of its regular expressions, which cost about 4 % of the
     * gateway's CPU time on the 1.5 KB {@code Authorization} header alone.
     */
    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    /**
     * A request the firewall refuses is a 400 problem (Spring Security answers an empty 400): an
     * encoded slash, backslash, percent or dot segment in the path, a path that is not normalized,
     * a method other than the standard ones, or a control character in a header that the gateway
     * reads (such as {@code Authorization}). The detail names the rules, never the value. (CR, LF
     * and NUL in any header never get this far: Netty's HTTP decoder refuses them.)
     */
    @Bean
    ServerExchangeRejectedHandler firewallRejections(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
                "The request was refused before routing: its method, path or a header holds something the gateway"
                        + " does not accept (a control character, an encoded slash or dot segment, a non-standard method).",
                HttpHeaders.EMPTY);
    }

    /**
     * No observations of Spring Security's own filters, authentications and authorizations: they
     * timed every one of a dozen filters per request (several per cent of the CPU time of a
     * proxied call) and nobody reads them. Requests are still observed as a whole ({@code http.server.requests})
     * and traced to the services.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ProblemWriter problems, ExchangeTrace trace) {
        ProblemAuthenticationResponses responses = new ProblemAuthenticationResponses(problems, trace);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PublicEndpoints.MATCHER).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenConverter())
                        .authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses)
                        .authenticationFailureHandler(responses)
                        .jwt(jwt -> jwt.jwtDecoder(decoder)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses))
                .build();
    }
}
