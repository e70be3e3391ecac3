package dev.opsjournal.server.testing;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: identifiers that select series (followed by a matcher
 * {@code {…}}, a range {@code […]} or standing alone), not functions (followed by {@code (}),
 * keywords, label names (inside matchers and {@code by}/{@code without}/{@code on}/{@code
 * ignoring}/{@code group_left}/{@code group_right} lists), strings, numbers or durations. Grafana's
 * variables ({@code $namespace}, {@code ${datasource}}, {@code $__rate_interval}) are taken out
 * first, and its {@code label_values(metric, label)} reads {@code metric}. Names are kept as
 * written, {@code _count}/{@code _sum}/{@code _bucket} included: they are compared with the sample
 * names of a scrape, which carry the same suffixes.
 */
public final class PromQlNames {

  /** PromQL's keywords: operators, modifiers, and the aggregations (written before {@code by}). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "offset",
          "bool",
          "inf",
          "nan",
          "start",
          "end",
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
  private static final Pattern STRING =
      Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*([^,()]+?)\\s*,\\s*[\\w.]+\\s*\\)");
  private static final Pattern LABEL_VALUES_OF_ANY =
      Pattern.compile("label_values\\(\\s*[\\w.]+\\s*\\)");
  private static final Pattern LABEL_LIST =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern TOKEN =
      Pattern.compile("(?<number>\\d[\\w.]*)|(?<name>[a-zA-Z_:][\\w:]*)");

  private PromQlNames() {}

  public static Set<String> of(String expression) {
    String e = VARIABLE.matcher(expression).replaceAll("0");
    e = STRING.matcher(e).replaceAll("\"\"");
    e = LABEL_VALUES.matcher(e).replaceAll("$1");
    e = LABEL_VALUES_OF_ANY.matcher(e).replaceAll("");
    e = LABEL_LIST.matcher(e).replaceAll("$1 ");
    e = MATCHERS.matcher(e).replaceAll("{}");
    e = RANGE.matcher(e).replaceAll("[]");
    Set<String> names = new TreeSet<>();
    Matcher token = TOKEN.matcher(e);
    while (token.find()) {
      String name = token.group("name");
      if (name == null || KEYWORDS.contains(name) || next(e, token.end()) == '(') {
        continue;
      }
      names.add(name);
    }
    return names;
  }

  private static char next(String expression, int from) {
    for (int i = from; i < expression.length(); i++) {
      if (!Character.isWhitespace(expression.charAt(i))) {
        return expression.charAt(i);
      }
    }
    return 0;
  }
}
