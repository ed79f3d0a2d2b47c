package io.colmena.ticket.support;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * The platform's stable page JSON: {@code {content: [...], page: {number, size, totalElements, totalPages}}}
 * ({@code number} counts from 0).
 */
public record PageResponse<T>(List<T> content, PageInfo page) {

    /** Where a page sits in the whole result. */
    public record PageInfo(int number, int size, long totalElements, int totalPages) {}

    public static <T> PageResponse<T> of(List<T> content, int number, int size, long totalElements) {
        int totalPages = size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
        return new PageResponse<>(content, new PageInfo(number, size, totalElements, totalPages));
    }

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return of(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
