package io.colmena.gateway.security;

import io.colmena.gateway.problem.ExchangeTrace;
import io.colmena.gateway.problem.ProblemWriter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

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

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(GatewaySecurityProperties properties, Clock clock) {
        return AccessTokenValidation.decoder(properties, clock);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ProblemWriter problems, ExchangeTrace trace) {
        ProblemAuthenticationResponses responses = new ProblemAuthenticationResponses(problems, trace);
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationConverter bearerOutsidePublicEndpoints = exchange -> PublicEndpoints.MATCHER.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
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
                        .bearerTokenConverter(bearerOutsidePublicEndpoints)
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
