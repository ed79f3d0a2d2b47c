package io.colmena.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses ADDRESSES = new ClientAddresses(
            "127\\.\\d+\\.\\d+\\.\\d+|0:0:0:0:0:0:0:1|::1|10\\.\\d+\\.\\d+\\.\\d+|192\\.168\\.\\d+\\.\\d+");

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(ADDRESSES.resolve("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedForwardedAddressIsTheClient() {
        assertThat(ADDRESSES.resolve("10.0.0.2", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // The client forged the first entry; the ingress (10.0.0.5) appended the real peer.
        assertThat(ADDRESSES.resolve("10.0.0.2", List.of("1.2.3.4, 198.51.100.1", "10.0.0.5")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void withoutForwardedAddressesOrOnlyTrustedOnesThePeerOrTheLeftMostIsUsed() {
        assertThat(ADDRESSES.resolve("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(ADDRESSES.resolve("127.0.0.1", List.of("10.0.0.9, 10.0.0.5"))).isEqualTo("10.0.0.9");
    }

    @Test
    void anEntryThatIsNotAnAddressEndsTheWalk() {
        assertThat(ADDRESSES.resolve("10.0.0.2", List.of("198.51.100.1, <script>"))).isEqualTo("10.0.0.2");
        assertThat(ADDRESSES.resolve("10.0.0.2", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
    }
}
