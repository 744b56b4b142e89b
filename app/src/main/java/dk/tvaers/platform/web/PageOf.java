package dk.tvaers.platform.web;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One page of a list, as the pagination fragment shows it. Pages are numbered from 1 in the address,
 * as people count them.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    public long firstShown() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastShown() {
        return Math.min(total, (long) page * size);
    }

    /** The page numbers the pagination shows: the first, the last and two either side of the current. */
    public List<Integer> visiblePages() {
        int count = pageCount();
        return IntStream.rangeClosed(1, count)
                .filter(n -> n == 1 || n == count || Math.abs(n - page) <= 2)
                .boxed()
                .toList();
    }

    /** Clamps a page number from the address to a valid one. */
    public static int clampPage(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
