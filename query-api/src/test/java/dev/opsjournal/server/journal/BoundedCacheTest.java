package dev.opsjournal.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void givenEntries_whenReadAndRemoved_thenItBehavesAsAxonsCache() {
    BoundedCache cache = new BoundedCache(10);

    cache.put("a", 1);
    assertThat(cache.putIfAbsent("a", 2)).isFalse();
    assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
    assertThat(cache.<Integer>computeIfAbsent("b", () -> 3)).isEqualTo(3);
    cache.<Integer>computeIfPresent("b", value -> value + 1);
    assertThat(cache.<String, Integer>get("b")).isEqualTo(4);
    assertThat(cache.remove("a")).isTrue();
    assertThat(cache.containsKey("a")).isFalse();
    cache.put("b", null);
    assertThat(cache.containsKey("b")).isFalse();
  }

  @Test
  void givenMoreEntriesThanItsBound_whenPut_thenItKeepsNoMoreThanItsBound() {
    BoundedCache cache = new BoundedCache(100);

    IntStream.range(0, 1_000).forEach(i -> cache.put("aggregate-" + i, new Object()));

    await()
        .untilAsserted(
            () ->
                assertThat(
                        IntStream.range(0, 1_000)
                            .filter(i -> cache.containsKey("aggregate-" + i))
                            .count())
                    .isLessThanOrEqualTo(100));
  }
}
