package io.colmena.billing.invoice;

import io.colmena.platform.security.CurrentUser;
import io.colmena.platform.security.Roles;
import java.util.UUID;

/**
 * Who looks at invoices: tenant staff see all of the tenant's invoices; a CLIENT user (without a staff
 * role) sees only the issued invoices of the CRM customer named by its token's {@code customer_id}, and
 * nothing if the token has none. Anything else is answered 404, like another tenant's invoice.
 */
record Viewer(boolean clientOnly, UUID customerId) {

    static Viewer current() {
        CurrentUser user = CurrentUser.get().orElseThrow();
        boolean staff = user.hasRole(Roles.OWNER) || user.hasRole(Roles.ADMIN) || user.hasRole(Roles.AGENT);
        boolean client = !staff && user.hasRole(Roles.CLIENT);
        return new Viewer(client, user.customerId().orElse(null));
    }

    boolean maySee(Invoice invoice) {
        return !clientOnly || (customerId != null && customerId.equals(invoice.customerId())
                && invoice.status() != InvoiceStatus.DRAFT);
    }
}
