package io.colmena.billing.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * The platform's stable page JSON: {@code {content: [...], page: {number, size, totalElements, totalPages}}}.
 *
 * @param content the items of this page
 * @param page    where this page is: zero-based {@code number}, {@code size}, and totals
 */
public record PageResponse<T>(List<T> content, PageMeta page) {

    /** Position of a page. */
    public record PageMeta(int number, int size, long totalElements, int totalPages) {}

    /** The page of {@code page}'s items mapped by {@code mapper}. */
    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                new PageMeta(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
