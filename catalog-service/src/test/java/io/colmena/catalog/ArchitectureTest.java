package io.colmena.catalog;

import io.colmena.platform.test.ColmenaArchitectureRules;
import org.junit.jupiter.api.Test;

/** STYLE.md's checkable rules hold for catalog-service's production code. */
class ArchitectureTest {

    @Test
    void followsThePlatformCodingRules() {
        ColmenaArchitectureRules.check("io.colmena.catalog");
    }
}
