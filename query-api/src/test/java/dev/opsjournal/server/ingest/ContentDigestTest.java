package dev.opsjournal.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

  private final ObjectMapper json = new ObjectMapper();

  private ContentDigest digest(String observation) throws Exception {
    return ContentDigest.of(json.readTree(observation));
  }

  @Test
  void givenTheSameContentSeenLater_whenDigested_thenTheDigestsAreEqual() throws Exception {
    assertThat(
            digest("{\"type\":\"resource\",\"observedAt\":\"2026-11-16T09:00:00Z\",\"uid\":\"u\"}"))
        .isEqualTo(
            digest(
                "{\"type\":\"resource\",\"observedAt\":\"2026-11-17T12:00:00Z\",\"uid\":\"u\"}"));
  }

  @Test
  void givenAddedOrModified_whenDigested_thenAlikeButNotLikeDeleted() throws Exception {
    String added = "{\"action\":\"ADDED\",\"observedAt\":\"t\",\"uid\":\"u\"}";

    assertThat(digest(added)).isEqualTo(digest(added.replace("ADDED", "MODIFIED")));
    assertThat(digest(added)).isNotEqualTo(digest(added.replace("ADDED", "DELETED")));
    assertThat(digest("{\"labels\":{\"action\":\"ADDED\"}}"))
        .isNotEqualTo(digest("{\"labels\":{\"action\":\"MODIFIED\"}}"));
  }

  @Test
  void givenAnyOtherDifference_whenDigested_thenTheDigestsDiffer() throws Exception {
    String base = "{\"type\":\"resource\",\"observedAt\":\"t\",\"labels\":{\"a\":\"1\"}}";

    assertThat(digest(base))
        .isNotEqualTo(digest(base.replace("\"1\"", "\"2\"")))
        .isNotEqualTo(digest(base.replace("\"1\"", "1")))
        .isNotEqualTo(digest(base.replace("\"a\"", "\"b\"")))
        .isNotEqualTo(digest("{\"type\":\"resource\",\"observedAt\":\"t\",\"labels\":{}}"));
  }

  @Test
  void givenAValueMovedBetweenLevels_whenDigested_thenTheDigestsDiffer() throws Exception {
    assertThat(digest("{\"a\":{\"b\":\"c\"},\"d\":[]}"))
        .isNotEqualTo(digest("{\"a\":{},\"b\":\"c\",\"d\":[]}"))
        .isNotEqualTo(digest("{\"a\":{\"b\":\"c\",\"d\":[]}}"))
        .isNotEqualTo(digest("{\"a\":{\"b\":\"c\"},\"d\":[null]}"));
  }

  @Test
  void givenAnObservedAtInsideTheContent_whenDigested_thenItCounts() throws Exception {
    assertThat(digest("{\"observedAt\":\"t\",\"labels\":{\"observedAt\":\"1\"}}"))
        .isNotEqualTo(digest("{\"observedAt\":\"t\",\"labels\":{\"observedAt\":\"2\"}}"));
  }
}
