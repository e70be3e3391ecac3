package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProseTest {

  @Test
  void givenDurations_whenRounded_thenAboutOnlyWhenRounding() {
    // the golden week: dev's self-heal backoff grew from 3 s to about 5 min
    assertThat(Prose.about(Duration.ofSeconds(3))).isEqualTo("3 s");
    assertThat(Prose.about(Duration.ofSeconds(299))).isEqualTo("about 5 min");
    assertThat(Prose.about(Duration.ofMinutes(5))).isEqualTo("5 min");
    assertThat(Prose.about(Duration.ofMinutes(100))).isEqualTo("about 2 h");
    assertThat(Prose.about(Duration.ofHours(36))).isEqualTo("about 2 d");
    assertThat(Prose.about(Duration.ofSeconds(-4))).isEqualTo("0 s");
  }

  @Test
  void givenDurations_whenWritten_thenAsEverySurfaceWritesThem() {
    assertThat(Prose.duration(Duration.ofSeconds(1))).isEqualTo("1 s");
    assertThat(Prose.duration(Duration.ofMinutes(21))).isEqualTo("21 min");
    assertThat(Prose.duration(Duration.ofHours(2))).isEqualTo("2 h");
  }

  @Test
  void givenCounts_whenWritten_thenTheyReadAsWords() {
    assertThat(Prose.times(1)).isEqualTo("once");
    assertThat(Prose.times(2)).isEqualTo("twice");
    assertThat(Prose.times(21)).isEqualTo("21 times");
    assertThat(Prose.words(0)).isEqualTo("no");
    assertThat(Prose.words(3)).isEqualTo("three");
    assertThat(Prose.words(11)).isEqualTo("11");
    assertThat(Prose.count(1, "commit")).isEqualTo("1 commit");
    assertThat(Prose.count(3, "commit")).isEqualTo("3 commits");
    assertThat(Prose.format(19_870)).isEqualTo("19,870");
  }

  @Test
  void givenItems_whenJoined_thenWithCommasAndAnd() {
    assertThat(Prose.join(List.of())).isEmpty();
    assertThat(Prose.join(List.of("a"))).isEqualTo("a");
    assertThat(Prose.join(List.of("a", "b"))).isEqualTo("a and b");
    assertThat(Prose.join(List.of("a", "b", "c"))).isEqualTo("a, b and c");
  }

  @Test
  void givenMoreItemsThanAreListed_whenJoinedCapped_thenTheRestAreCounted() {
    List<String> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> "o" + i).toList();

    assertThat(Prose.joinCapped(twelve, "more objects"))
        .isEqualTo("o1, o2, o3, o4, o5, o6, o7, o8, o9, o10 and 2 more objects");
    assertThat(Prose.joinCapped(twelve.subList(0, ReportLimits.LISTED), "more objects"))
        .endsWith("o9 and o10");
  }

  @Test
  void givenText_whenShaped_thenCapitalisedAndFirstLine() {
    assertThat(Prose.capitalise("self-heal put it back")).isEqualTo("Self-heal put it back");
    assertThat(Prose.capitalise("")).isEmpty();
    assertThat(Prose.firstLine("Deploy to dev \n\nwith Argo CD")).isEqualTo("Deploy to dev");
  }
}
