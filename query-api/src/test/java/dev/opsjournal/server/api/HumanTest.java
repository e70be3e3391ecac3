package dev.opsjournal.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanTest {

  @Test
  void aDurationUnderASecondIsLessThanASecondNotNone() {
    assertThat(Human.duration(Duration.ofMillis(350))).isEqualTo("less than a second");
    assertThat(Human.duration(Duration.ZERO)).isEqualTo("less than a second");
    assertThat(Human.duration(Duration.ofMillis(1_200))).isEqualTo("1 s");
    assertThat(Human.duration(Duration.ofSeconds(-4))).isEqualTo("0 s");
  }

  @Test
  void durationsInTheirTwoLargestUnits() {
    assertThat(Human.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Human.duration(Duration.ofSeconds(29 * 60 + 4))).isEqualTo("29 min 4 s");
    assertThat(Human.duration(Duration.ofHours(2))).isEqualTo("2 h");
    assertThat(Human.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
  }

  @Test
  void withinASecondRatherThanWithinNoTime() {
    assertThat(Human.within(Duration.ofMillis(400))).isEqualTo("within a second");
    assertThat(Human.within(Duration.ofMillis(999))).isEqualTo("within a second");
    assertThat(Human.within(Duration.ofSeconds(1))).isEqualTo("within 1 s");
    assertThat(Human.within(Duration.ofSeconds(62))).isEqualTo("within 1 min 2 s");
  }
}
