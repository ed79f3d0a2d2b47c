package io.colmena.billing;

import io.colmena.platform.test.ColmenaArchitectureRules;
import org.junit.jupiter.api.Test;

/** STYLE.md's checkable rules hold for billing-service's production code. */
class ArchitectureTest {

    @Test
    void followsThePlatformCodingRules() {
        ColmenaArchitectureRules.check("io.colmena.billing");
    }
}
