package dev.opsjournal.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Prometheus' text exposition format into samples keyed {@code name{label="value",...}}, the
 * {@code application} label (the same on every sample) left out.
 */
public final class PrometheusText {

  private PrometheusText() {}

  public static Map<String, Double> samples(String exposition) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String sample = line.substring(0, space).trim();
      samples.put(withoutApplication(sample), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  private static String withoutApplication(String sample) {
    int open = sample.indexOf('{');
    if (open < 0) {
      return sample;
    }
    List<String> labels = new ArrayList<>();
    for (String label : labels(sample.substring(open + 1, sample.lastIndexOf('}')))) {
      if (!label.startsWith("application=")) {
        labels.add(label);
      }
    }
    String name = sample.substring(0, open);
    return labels.isEmpty() ? name : name + "{" + String.join(",", labels) + "}";
  }

  /** {@code a="x",b="y, z"} into its labels, commas inside quoted values kept. */
  private static List<String> labels(String block) {
    List<String> labels = new ArrayList<>();
    StringBuilder label = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      if (c == '\\' && quoted && i + 1 < block.length()) {
        label.append(c).append(block.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        labels.add(label.toString());
        label.setLength(0);
      } else {
        label.append(c);
      }
    }
    if (!label.isEmpty()) {
      labels.add(label.toString());
    }
    return labels;
  }
}
