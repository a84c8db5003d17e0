package ua.kuznia.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Paging query parameters shared by every list endpoint. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "{kuznia.validation.page}")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "{kuznia.validation.page_size}")
    @Max(value = 200, message = "{kuznia.validation.page_size}")
    public int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }
}
