package io.colmena.billing.web;

import io.colmena.platform.web.ProblemException;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

/**
 * Reads {@code page}, {@code size} and {@code sort} ({@code field} or {@code field,asc|desc}) into a
 * {@link Pageable}, refusing unknown sort fields with a 400 problem. A tie-breaker on {@code id}
 * keeps pages stable.
 */
public final class Paging {

    /** Largest page size. */
    public static final int MAX_SIZE = 100;

    private Paging() {}

    public static Pageable of(int page, int size, String sort, Set<String> sortable, Sort defaultSort) {
        return of(page, size, sort, sortable, defaultSort, "id");
    }

    /** As {@link #of(int, int, String, Set, Sort)}, with {@code idProperty} as the tie-breaker. */
    public static Pageable of(int page, int size, String sort, Set<String> sortable, Sort defaultSort,
                              String idProperty) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Invalid paging",
                    "page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        Sort order = defaultSort;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            String field = parts[0].trim();
            if (!sortable.contains(field)) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Invalid sort",
                        "sort must be one of " + sortable.stream().sorted().toList() + ", optionally followed by ,asc or ,desc");
            }
            Sort.Direction direction = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc")
                    ? Sort.Direction.DESC : Sort.Direction.ASC;
            order = Sort.by(direction, field);
        }
        return PageRequest.of(page, size, order.and(Sort.by(idProperty)));
    }
}
