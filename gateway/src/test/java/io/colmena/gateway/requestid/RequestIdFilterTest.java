package io.colmena.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @ParameterizedTest
    @ValueSource(strings = {"a", "0af76519-16cd-43dd-8448-eb211c80319c", "spa.7f3a_42-b"})
    void acceptsSaneTokens(String candidate) {
        assertThat(RequestIdFilter.isAcceptable(candidate)).isTrue();
        assertThat(RequestIdFilter.acceptOrGenerate(candidate)).isEqualTo(candidate);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "semi;colon", "new\nline", "quote\"", "comma,separated", "ünïcode", "a/b"})
    void replacesAnythingElseWithAUuid(String candidate) {
        assertThat(RequestIdFilter.isAcceptable(candidate)).isFalse();
        assertThat(RequestIdFilter.acceptOrGenerate(candidate))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void acceptsUpTo128CharactersAndNoMore() {
        assertThat(RequestIdFilter.isAcceptable("X".repeat(128))).isTrue();
        assertThat(RequestIdFilter.isAcceptable("X".repeat(129))).isFalse();
    }

    @Test
    void sendsTheRequestIdDownstreamAndReturnsItOnTheResponse() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/tickets").header(RequestIdFilter.HEADER, "client-id-1"));
        AtomicReference<ServerWebExchange> seen = new AtomicReference<>();

        filter.filter(exchange, next -> {
            seen.set(next);
            return next.getResponse().setComplete();
        }).block();

        assertThat(seen.get().getRequest().getHeaders().get(RequestIdFilter.HEADER)).containsExactly("client-id-1");
        assertThat(exchange.getResponse().getHeaders().get(RequestIdFilter.HEADER)).containsExactly("client-id-1");
        assertThat((String) exchange.getAttribute(RequestIdFilter.ATTRIBUTE)).isEqualTo("client-id-1");
    }

    @Test
    void aRepeatedHeaderIsReplacedByOneNewId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/tickets").header(RequestIdFilter.HEADER, "one", "two"));
        AtomicReference<ServerWebExchange> seen = new AtomicReference<>();

        filter.filter(exchange, next -> {
            seen.set(next);
            // A service answering with an id of its own does not win over the gateway's.
            next.getResponse().getHeaders().set(RequestIdFilter.HEADER, "from-service");
            return Mono.defer(() -> next.getResponse().setComplete());
        }).block();

        String id = seen.get().getRequest().getHeaders().getFirst(RequestIdFilter.HEADER);
        assertThat(seen.get().getRequest().getHeaders().get(RequestIdFilter.HEADER)).hasSize(1);
        assertThat(id).isNotIn("one", "two");
        assertThat(exchange.getResponse().getHeaders().get(RequestIdFilter.HEADER)).containsExactly(id);
    }
}
