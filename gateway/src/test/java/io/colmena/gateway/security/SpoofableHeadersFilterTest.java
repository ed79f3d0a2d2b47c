package io.colmena.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class SpoofableHeadersFilterTest {

    @Test
    void identityHeadersAreRemovedWhateverTheirCaseAndOthersKept() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/customers")
                .header("X-Tenant-Id", "t").header("x-user-id", "u").header("X-USER-ROLES", "PLATFORM_ADMIN")
                .header("X-Customer-Id", "c").header("X-Colmena-Anything", "a")
                .header("X-Request-Id", "r").header("Authorization", "Bearer x").header("X-Tenant", "kept"));
        ServerWebExchange[] passed = new ServerWebExchange[1];

        new SpoofableHeadersFilter().filter(exchange, next -> {
            passed[0] = next;
            return Mono.empty();
        }).block();

        assertThat(passed[0].getRequest().getHeaders().headerNames())
                .containsExactlyInAnyOrder("X-Request-Id", "Authorization", "X-Tenant");
    }

    @Test
    void recognisesTheRemovedNames() {
        assertThat(SpoofableHeadersFilter.isSpoofable("X-Colmena-Tenant-Id")).isTrue();
        assertThat(SpoofableHeadersFilter.isSpoofable("x-customer-id")).isTrue();
        assertThat(SpoofableHeadersFilter.isSpoofable("X-Colmenas")).isFalse();
        assertThat(SpoofableHeadersFilter.isSpoofable("X-Forwarded-For")).isFalse();
    }
}
