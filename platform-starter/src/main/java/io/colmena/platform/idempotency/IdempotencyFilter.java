package io.colmena.platform.idempotency;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemTypes;
import io.colmena.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@link Idempotent} to POST requests that carry {@code Idempotency-Key}.
 *
 * <p>Runs after authentication, so keys are scoped to the caller's tenant. The request's method,
 * path and body are hashed (SHA-256) to recognise "the same request". Keys are 1 to 255 visible
 * ASCII characters; any other value is a 400 problem.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final RequestMappingHandlerMapping handlerMapping;
    private final IdempotencyStore store;
    private final Problems problems;

    IdempotencyFilter(RequestMappingHandlerMapping handlerMapping, IdempotencyStore store, Problems problems) {
        this.handlerMapping = handlerMapping;
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID tenant = TenantContext.current().orElse(null);
        if (tenant == null || !optedIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(Problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_IDEMPOTENCY_KEY,
                    "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters"),
                    request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI();
        String hash = sha256(request.getMethod() + " " + path + "\n", body);
        switch (store.claim(tenant, key, hash, request.getMethod(), path)) {
            case IdempotencyStore.Claimed claimed -> proceed(request, response, chain, tenant, key, body);
            case IdempotencyStore.Replay replay -> replay(replay, response);
            case IdempotencyStore.Mismatch mismatch -> problems.write(Problems.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request; use a new key"),
                    request, response);
            case IdempotencyStore.InFlight inFlight -> problems.write(Problems.problem(HttpStatus.CONFLICT,
                    ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry later"), request, response);
        }
    }

    private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain, UUID tenant,
                         String key, byte[] body) throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            int status = recorded.getStatus();
            if (status < 500) {
                store.complete(tenant, key, status, recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getHeader(HttpHeaders.ETAG), recorded.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(tenant, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Replay replay, HttpServletResponse response) throws IOException {
        response.setStatus(replay.status());
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, replay.location());
        }
        if (replay.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, replay.etag());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (replay.body() != null) {
            response.getOutputStream().write(replay.body());
        }
    }

    private boolean optedIn(HttpServletRequest request) {
        try {
            HandlerExecutionChain handler = handlerMapping.getHandler(request);
            return handler != null && handler.getHandler() instanceof HandlerMethod method
                    && method.hasMethodAnnotation(Idempotent.class);
        } catch (Exception e) {
            return false;
        }
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The request with its body already read into memory, so it can be hashed and still be read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
