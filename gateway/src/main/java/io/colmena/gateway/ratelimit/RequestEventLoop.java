package io.colmena.gateway.ratelimit;

import io.netty.channel.EventLoop;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Brings a request's processing back to the Netty event loop of its own connection after an
 * asynchronous call answered on another thread (Lettuce completes Redis commands on its I/O thread).
 *
 * <p>The filters and the proxying that follow must not run on Lettuce's thread: one connection,
 * one thread, so every request would queue behind it. Back on the connection's own loop, the request
 * continues where it would have run without the call, and Reactor Netty's pool hands out a backend
 * connection of that same loop, so no further thread hop is needed. bench/gateway.sh measured this
 * against Reactor's parallel scheduler, which added one hop per request.
 */
final class RequestEventLoop {

    private RequestEventLoop() {
    }

    /**
     * {@code source}'s value, delivered on the event loop of {@code exchange}'s connection (at once
     * when it is already there); on Reactor's parallel scheduler when the exchange has no Netty
     * connection (another server).
     */
    static <T> Mono<T> continueOn(ServerWebExchange exchange, Mono<T> source) {
        EventLoop loop = eventLoopOf(exchange);
        if (loop == null) {
            return source.publishOn(Schedulers.parallel());
        }
        return source.flatMap(value -> loop.inEventLoop()
                ? Mono.just(value)
                : Mono.create(sink -> loop.execute(() -> sink.success(value))));
    }

    private static EventLoop eventLoopOf(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
