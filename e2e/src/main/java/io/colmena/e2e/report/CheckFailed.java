package io.colmena.e2e.report;

/** A scenario's expectation did not hold; the message says what was expected and what came. */
public final class CheckFailed extends RuntimeException {

    /** With the explanation. */
    public CheckFailed(String message) {
        super(message);
    }
}
