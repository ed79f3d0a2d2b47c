package io.colmena.identity.tenant;

/** The shape of an industry code (seed 001: organizations have an industry that selects CRM templates). */
public final class Industry {

    /** Lower-case slug: {@code it-services}, {@code retail}, {@code watches}. */
    public static final String PATTERN = "^[a-z][a-z0-9-]{1,39}$";
    /** What a bad code is told. */
    public static final String MESSAGE = "must be a lower-case code of 2-40 letters, digits or dashes, like it-services";

    private Industry() {}
}
