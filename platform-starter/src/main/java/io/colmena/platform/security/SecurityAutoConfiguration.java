package io.colmena.platform.security;

import io.colmena.platform.web.ProblemTypes;
import io.colmena.platform.web.Problems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server for the Colmena realm: each request except health,
 * metrics, the OpenAPI document and the configured public paths needs a valid access token
 * ({@link KeycloakJwtDecoders}). A missing or bad token is a 401 problem, a role that does not
 * allow the action a 403 problem. Sessions are never created.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableMethodSecurity
@EnableConfigurationProperties(ColmenaSecurityProperties.class)
public class SecurityAutoConfiguration {

    private static final String[] ALWAYS_PUBLIC = {
        "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/error"
    };

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ColmenaSecurityProperties properties) {
        return KeycloakJwtDecoders.create(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain colmenaSecurityFilterChain(
            HttpSecurity http, JwtDecoder decoder, ColmenaSecurityProperties properties, Problems problems)
            throws Exception {
        List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        open.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> problems.write(Problems.problem(
                                HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                                "A valid access token is required: send it as 'Authorization: Bearer <token>'"),
                                request, response))
                        .accessDeniedHandler((request, response, e) -> problems.write(Problems.problem(
                                HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                                "Your role does not allow this action"), request, response)))
                .addFilterAfter(new TenantContextFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Authorities: {@code ROLE_<role>} for each entry of {@code roles}, {@code SCOPE_<scope>} for each scope. */
    static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        return jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            if (jwt.hasClaim("roles")) {
                for (String role : jwt.getClaimAsStringList("roles")) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                }
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
