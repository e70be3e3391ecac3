package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void givenText_whenMarkedUp_thenCodeBoldAndQuotesAreMarkdown() {
    assertThat(Markdown.code("ops-journal")).isEqualTo("`ops-journal`");
    assertThat(Markdown.code("a`b")).isEqualTo("`` a`b ``");
    assertThat(Markdown.bold("Drift")).isEqualTo("**Drift**");
    assertThat(Markdown.quote("Run *two* replicas | finally"))
        .isEqualTo("“Run \\*two\\* replicas \\| finally”");
    assertThat(Markdown.plain("Deployment `web/web`")).isEqualTo("Deployment web/web");
  }

  @Test
  void givenLines_whenWritten_thenNeverTwoBlankLinesAndNoneFirst() {
    Markdown out = new Markdown();
    out.line();
    out.heading("## Ownership");
    out.line();
    out.line("- one");
    out.heading("## Open items");

    assertThat(out.text()).isEqualTo("## Ownership\n\n- one\n\n## Open items\n\n");
  }

  @Test
  void givenCellsWithPipes_whenARowIsWritten_thenThePipesAreEscaped() {
    Markdown out = new Markdown();
    out.row(List.of("", "a|b"));

    assertThat(out.text()).isEqualTo("|  | a\\|b |\n");
  }
}
