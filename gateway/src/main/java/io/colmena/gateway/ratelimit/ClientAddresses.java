package io.colmena.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client that sent a request, for per-IP limits. The peer's address, unless the
 * peer is a trusted proxy: then the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (entries further left were written by the client and may be forged; the
 * right-most untrusted one was written by the first trusted proxy). An entry that is not an IP
 * address ends the walk.
 */
final class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Pattern trustedProxies;

    /** @param trustedProxies regular expression matching the addresses of trusted proxies */
    ClientAddresses(String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    /** The client's address, e.g. {@code 203.0.113.7}; {@code unknown} when there is none. */
    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return resolve(peer, request.getHeaders().getValuesAsList("X-Forwarded-For"));
    }

    /**
     * The client's address.
     * @param peer the connected peer's address
     * @param forwardedFor the {@code X-Forwarded-For} entries in order (values already split at commas)
     */
    String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(entry.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.matcher(address).matches();
    }
}
