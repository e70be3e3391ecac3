package dev.opsjournal.server.report;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Markdown the journal is written in: lines, headings and table rows appended to one text,
 * never two blank lines in a row, and the inline forms (code spans, bold, quotes of someone else's
 * words with Markdown characters escaped).
 */
final class Markdown {

  private static final Pattern MARKDOWN_CHARACTERS = Pattern.compile("([\\\\`*_\\[\\]<>|])");

  private final StringBuilder out = new StringBuilder();

  /** The text written so far. */
  String text() {
    return out.toString();
  }

  void line(String text) {
    out.append(text).append('\n');
  }

  /** A blank line, unless there is one already or nothing yet. */
  void line() {
    int n = out.length();
    if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
      out.append('\n');
    }
  }

  /** A heading with a blank line either side. */
  void heading(String heading) {
    line();
    line(heading);
    line();
  }

  /** A table row; a {@code |} inside a cell is escaped so that it does not split the cell. */
  void row(List<String> cells) {
    line(
        "| "
            + cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))
            + " |");
  }

  /** A code span; one holding a backtick is fenced with two. */
  static String code(String text) {
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }

  static String bold(String text) {
    return "**" + text + "**";
  }

  /** Someone else's words (a commit message, Argo CD's), quoted, Markdown characters escaped. */
  static String quote(String text) {
    return "“" + MARKDOWN_CHARACTERS.matcher(text).replaceAll("\\\\$1") + "”";
  }

  /** Text without its code spans' backticks, for places that are not Markdown (the chart). */
  static String plain(String markdown) {
    return markdown.replace("`", "");
  }
}
