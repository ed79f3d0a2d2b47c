package io.colmena.crm;

import io.colmena.platform.test.ColmenaArchitectureRules;
import org.junit.jupiter.api.Test;

/** STYLE.md's checkable rules hold for crm-service's production code. */
class ArchitectureTest {

    @Test
    void followsThePlatformCodingRules() {
        ColmenaArchitectureRules.check("io.colmena.crm");
    }
}
