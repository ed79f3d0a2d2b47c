package io.colmena.identity.support;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * The platform's stable page JSON: {@code {content: [...], page: {number, size, totalElements, totalPages}}}
 * ({@code number} counts from 0).
 *
 * @param content the items of this page
 * @param page    where this page sits
 * @param <T>     the item record
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    /**
     * @param number        0-based page number
     * @param size          requested page size
     * @param totalElements items over all pages
     * @param totalPages    number of pages
     */
    public record PageMetadata(int number, int size, long totalElements, int totalPages) {}

    /** Maps a Spring Data page of entities to this JSON shape. */
    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
