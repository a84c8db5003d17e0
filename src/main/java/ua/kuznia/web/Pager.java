package ua.kuznia.web;

import ua.kuznia.common.Page;

/** The paging links of a list on a page: a zero-based page of {@code pages}, {@code total} items in all. */
public record Pager(int page, long pages, long total) {

    public static Pager of(Page<?> page) {
        return new Pager(page.page(), Math.max(1, (page.total() + page.size() - 1) / page.size()), page.total());
    }

    /** A list with nothing in it still shows "page 1 of 1". */
    public static Pager empty() {
        return new Pager(0, 1, 0);
    }

    public long number() {
        return page + 1L;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1L < pages;
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }
}
