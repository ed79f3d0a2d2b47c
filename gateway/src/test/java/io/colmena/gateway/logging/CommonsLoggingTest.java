package io.colmena.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Spring logs through Commons Logging with lazy messages ({@code LogMessage}); the gateway's
 * {@code META-INF/services/org.apache.commons.logging.LogFactory} must keep them lazy and still
 * reach Logback.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommonsLoggingTest {

    @Test
    void aDisabledDebugMessageIsNeverRendered() {
        Log log = LogFactory.getLog("io.colmena.gateway.logging.lazy");
        AtomicInteger renderings = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                renderings.incrementAndGet();
                return "expensive";
            }
        };

        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(message);
        log.trace(message);

        assertThat(renderings).hasValue(0);
    }

    @Test
    void anEnabledMessageStillReachesLogback(CapturedOutput output) {
        LogFactory.getLog("io.colmena.gateway.logging.reach").warn("commons logging reaches logback");

        assertThat(output).contains("commons logging reaches logback").contains("WARN");
    }
}
