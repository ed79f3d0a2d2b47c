package io.colmena.identity.config;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The two ways identity-service talks to Keycloak: the admin client ({@code keycloak-admin-client}
 * on RESTEasy, authenticated as the service account of {@code colmena-identity} with client
 * credentials, tokens renewed by the library) and a {@link RestClient} for the realm's OpenID
 * Connect endpoints (token, logout), which the admin client does not cover.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeycloakProperties.class, IdentityProperties.class})
public class KeycloakConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakProperties properties) {
        Client http = ((ResteasyClientBuilder) ClientBuilder.newBuilder())
                .connectionPoolSize(20)
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(http)
                .build();
    }

    @Bean
    RealmResource colmenaRealm(Keycloak keycloakAdmin, KeycloakProperties properties) {
        return keycloakAdmin.realm(properties.realm());
    }

    @Bean
    RestClient keycloakOidcClient(RestClient.Builder builder, KeycloakProperties properties) {
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(properties.openIdConnectBase()).requestFactory(requestFactory).build();
    }
}
