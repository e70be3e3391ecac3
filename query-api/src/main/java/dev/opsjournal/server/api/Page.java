package dev.opsjournal.server.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order. {@code nextOffset} is absent on the last page.
 *
 * @param <T> the item type
 */
@Schema(description = "One page of a list in a stable order; nextOffset is absent on the last page")
public record Page<T>(List<T> items, int offset, int limit, Integer nextOffset) {

  /** Builds a page from up to {@code limit + 1} rows: the extra row says whether more exist. */
  public static <T> Page<T> of(List<T> rows, int offset, int limit) {
    boolean more = rows.size() > limit;
    return new Page<>(
        more ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows),
        offset,
        limit,
        more ? offset + limit : null);
  }

  /** The same page with each item turned into another. */
  public <R> Page<R> map(Function<? super T, ? extends R> view) {
    return new Page<>(items.stream().<R>map(view).toList(), offset, limit, nextOffset);
  }
}
