package io.colmena.ticket.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.colmena.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    static int statusOf(Runnable check) {
        try {
            check.run();
            return 200;
        } catch (ProblemException e) {
            return e.status().value();
        }
    }

    @Test
    void theETagIsTheVersionAsAStrongTag() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void aMatchingTagOrAStarPasses() {
        assertThatCode(() -> ETags.check("\"3\"", 3, true)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("\"1\", \"3\"", 3, true)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("*", 3, true)).doesNotThrowAnyException();
    }

    @Test
    void aMissingTagIs428OnlyWhenRequired() {
        assertThat(statusOf(() -> ETags.check(null, 3, true))).isEqualTo(428);
        assertThat(statusOf(() -> ETags.check(" ", 3, true))).isEqualTo(428);
        assertThat(statusOf(() -> ETags.check(null, 3, false))).isEqualTo(200);
    }

    @Test
    void aStaleOrWeakTagIs409() {
        assertThat(statusOf(() -> ETags.check("\"2\"", 3, true))).isEqualTo(409);
        assertThat(statusOf(() -> ETags.check("W/\"3\"", 3, true))).isEqualTo(409);
    }

    @Test
    void anUnreadableHeaderIs400() {
        assertThatThrownBy(() -> ETags.check("3", 3, true)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("entity tags");
        assertThat(statusOf(() -> ETags.check("\"3\" junk", 3, true))).isEqualTo(400);
    }
}
