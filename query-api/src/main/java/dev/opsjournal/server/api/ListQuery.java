package dev.opsjournal.server.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters every list endpoint takes: a time range and a page. Bound from the request
 * as they are (strings), read strictly by {@link #window()} and {@link #page()}, so that a bad
 * value is a 400 naming its parameter.
 */
public record ListQuery(
    @Parameter(description = "Start of the time range, inclusive, ISO-8601 UTC") String from,
    @Parameter(description = "End of the time range, exclusive, ISO-8601 UTC") String to,
    @Parameter(
            description = "Page size, 1 to 1000 (default 100)",
            schema = @Schema(type = "integer"))
        String limit,
    @Parameter(
            description = "Items to skip (default 0): the `nextOffset` of the previous page",
            schema = @Schema(type = "integer"))
        String offset) {

  public Window window() {
    return Window.of(from, to);
  }

  public PageRequest page() {
    return PageRequest.of(Params.integer("limit", limit), Params.integer("offset", offset));
  }
}
