package io.colmena.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.gateway.routing.ColmenaService;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

class GatewayFailureTest {

    private static final Optional<ColmenaService> BILLING = Optional.of(ColmenaService.BILLING);

    private static GatewayFailure classify(Throwable ex, Optional<ColmenaService> service) {
        return GatewayFailure.of(ex, service, "GET", "/api/invoices/1");
    }

    @Test
    void aRefusedConnectionIsA503NamingTheService() {
        GatewayFailure failure = classify(new ConnectException("Connection refused: /127.0.0.1:8084"), BILLING);

        assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failure.type()).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
        assertThat(failure.title()).isEqualTo("Service Unavailable");
        assertThat(failure.detail()).isEqualTo("The billing service is unavailable; try again shortly.");
        assertThat(failure.unexpected()).isFalse();
    }

    @Test
    void aConnectTimeoutOrUnknownHostIsA503Too() {
        assertThat(classify(new ConnectTimeoutException("connection timed out after 1000 ms"), BILLING).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(classify(new IllegalStateException("wrapped", new UnknownHostException("billing-service")), BILLING)
                .status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void theGatewaysResponseTimeoutIsA504NamingTheService() {
        GatewayFailure failure = classify(
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT30S"),
                BILLING);

        assertThat(failure.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(failure.type()).isEqualTo(ProblemTypes.GATEWAY_TIMEOUT);
        assertThat(failure.detail()).isEqualTo("The billing service did not answer in time.");
    }

    @Test
    void aConnectionClosedBeforeTheResponseIsA502() {
        GatewayFailure failure = classify(PrematureCloseException.TEST_EXCEPTION, BILLING);

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.type()).isEqualTo(ProblemTypes.BAD_GATEWAY);
        assertThat(failure.detail()).contains("billing");
    }

    @Test
    void noRouteIsA404ThatSaysWhereAndNothingElse() {
        GatewayFailure failure = classify(new ResponseStatusException(HttpStatus.NOT_FOUND, "No static resource x"),
                Optional.empty());

        assertThat(failure.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(failure.type()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(failure.detail()).isEqualTo("Nothing is served at /api/invoices/1.");
    }

    @Test
    void aWrongMethodIsA405WithAllow() {
        GatewayFailure failure = classify(new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.GET)),
                Optional.empty());

        assertThat(failure.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(failure.headers().getAllow()).containsExactly(HttpMethod.GET);
    }

    @Test
    void anyOtherFaultIsA500ThatRevealsNothing() {
        GatewayFailure failure = classify(new IllegalStateException("password=hunter2 at org.example.Secret"),
                Optional.empty());

        assertThat(failure.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(failure.type()).isEqualTo(ProblemTypes.INTERNAL);
        assertThat(failure.detail()).doesNotContain("hunter2", "IllegalState", "org.example");
        assertThat(failure.unexpected()).isTrue();
    }

    @Test
    void anIoFailureOutsideAServiceRouteIsAGatewayFault() {
        assertThat(classify(new IOException("disk"), Optional.empty()).status())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
