package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  @Test
  void givenAnIsoWeek_whenParsed_thenItRunsFromMondayToTheNextMondayInUtc() {
    IsoWeek week = IsoWeek.parse("2026-W47");

    assertThat(week.start()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
    assertThat(week.end()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(week).hasToString("2026-W47");
    assertThat(week.days()).isEqualTo("16–22 November 2026");
  }

  @Test
  void givenWeeksAcrossMonthsAndYears_whenNamed_thenBothEndsAreSpelledOut() {
    assertThat(IsoWeek.parse("2026-W49").days()).isEqualTo("30 November – 6 December 2026");
    assertThat(IsoWeek.parse("2026-W53").days()).isEqualTo("28 December 2026 – 3 January 2027");
    assertThat(IsoWeek.parse("2026-W01").start()).isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
  }

  @Test
  void givenMalformedWeeks_whenParsed_thenTheMessageSaysWhatWasExpected() {
    assertThatThrownBy(() -> IsoWeek.parse("2026-47"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ISO week such as 2026-W47");
    assertThatThrownBy(() -> IsoWeek.parse("2026-w47")).hasMessageContaining("YYYY-Www");
    assertThatThrownBy(() -> IsoWeek.parse(" 2026-W47")).hasMessageContaining("YYYY-Www");
    assertThatThrownBy(() -> IsoWeek.parse(null)).hasMessageContaining("YYYY-Www");
    assertThatThrownBy(() -> IsoWeek.parse("2025-W53"))
        .hasMessageContaining("2025 has weeks 01 to 52");
    assertThatThrownBy(() -> IsoWeek.parse("2026-W00"))
        .hasMessageContaining("2026 has weeks 01 to 53");
  }
}
