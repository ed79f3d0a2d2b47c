package io.colmena.platform.security;

import io.colmena.platform.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds {@link TenantContext} to the {@code tenant_id} claim of the request's validated token for
 * the rest of the request. Runs right after bearer-token authentication; a request without a
 * token (a webhook) runs with no tenant bound. Headers sent by clients are never consulted.
 */
public class TenantContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var tenant = CurrentUser.get().flatMap(CurrentUser::tenantId).orElse(null);
        try (TenantContext.Binding ignored = TenantContext.bind(tenant)) {
            chain.doFilter(request, response);
        }
    }
}
