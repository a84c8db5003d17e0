package ua.kuznia.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Paging query parameters shared by every list endpoint. */
public class PageRequest {

    /** Far past any real list, and low enough that page times size (at most 200) stays an int offset. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "{kuznia.validation.page}")
    @Max(value = MAX_PAGE, message = "{kuznia.validation.page}")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "{kuznia.validation.page_size}")
    @Max(value = 200, message = "{kuznia.validation.page_size}")
    public int size;

    public PageRequest() {
    }

    /** For pages, whose page numbers come from links: one out of range shows the nearest page that can exist. */
    public PageRequest(int page, int size) {
        this.page = Math.max(0, Math.min(page, MAX_PAGE));
        this.size = size;
    }
}
