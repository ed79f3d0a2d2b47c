package io.colmena.platform.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds {@code colmena.web.max-body-size}. */
public class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
    }
}
