package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.collectors.kubernetes.Inventory.Entry;
import dev.opsjournal.collectors.kubernetes.Inventory.Version;
import dev.opsjournal.collectors.kubernetes.InventoryLedger.Change;
import dev.opsjournal.collectors.kubernetes.InventoryLedger.Decision;
import dev.opsjournal.collectors.kubernetes.InventoryLedger.Retraction;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryLedgerTest {

  static final Version PUBLISHED = new Version("uid-1", "10");
  static final Version NEWER = new Version("uid-1", "11");
  static final Version RECREATED = new Version("uid-2", "12");
  static final ResourceKey KEY = ResourceKey.of("c", "", "ConfigMap", "shop", "a");
  static final ResourceKey OTHER = ResourceKey.of("c", "apps", "Deployment", "shop", "b");
  static final ResourceObserved LAST =
      new ResourceObserved(
          KEY,
          Instant.parse("2026-11-17T10:00:00Z"),
          WatchAction.ADDED,
          "uid-1",
          "10",
          0,
          Map.of(),
          Map.of(),
          List.of(),
          "f");

  @Test
  void theVersionLastPublishedIsUnchanged() {
    assertThat(InventoryLedger.decide(PUBLISHED, new Version("uid-1", "10"), null, null))
        .isEqualTo(Decision.UNCHANGED);
  }

  @Test
  void anObjectNeverPublishedIsAdded() {
    assertThat(InventoryLedger.decide(null, PUBLISHED, null, null))
        .isEqualTo(new Decision(Change.ADDED, Retraction.NONE));
  }

  @Test
  void anotherVersionOfTheSameIncarnationIsModified() {
    assertThat(InventoryLedger.decide(PUBLISHED, NEWER, PUBLISHED, entryWith(LAST)))
        .as("the previous state and the stored entry do not matter within one incarnation")
        .isEqualTo(new Decision(Change.MODIFIED, Retraction.NONE));
  }

  @Test
  void aNewIncarnationRetractsTheOldOneFromTheInformersPreviousState() {
    assertThat(InventoryLedger.decide(PUBLISHED, RECREATED, PUBLISHED, entryWith(LAST)))
        .isEqualTo(new Decision(Change.ADDED, Retraction.PREVIOUS_STATE));
  }

  @Test
  void aNewIncarnationRetractsTheOldOneFromTheInventoryWhenThePreviousStateIsNotWhatWasPublished() {
    assertThat(InventoryLedger.decide(PUBLISHED, RECREATED, null, entryWith(LAST)))
        .isEqualTo(new Decision(Change.ADDED, Retraction.LAST_PUBLISHED));
    assertThat(InventoryLedger.decide(PUBLISHED, RECREATED, NEWER, entryWith(LAST)))
        .isEqualTo(new Decision(Change.ADDED, Retraction.LAST_PUBLISHED));
  }

  @Test
  void aNewIncarnationWithNothingKnownOfTheOldOneIsOnlyAdded() {
    assertThat(InventoryLedger.decide(PUBLISHED, RECREATED, null, null))
        .as("confirmed by an earlier list: no stored entry")
        .isEqualTo(new Decision(Change.ADDED, Retraction.NONE));
    assertThat(InventoryLedger.decide(PUBLISHED, RECREATED, null, entryWith(null)))
        .as("an Event: no last state is kept")
        .isEqualTo(new Decision(Change.ADDED, Retraction.NONE));
  }

  @Test
  void versionsWithoutUidOrResourceVersionCompareAsEmpty() {
    assertThat(InventoryLedger.decide(new Version("", ""), new Version(null, null), null, null))
        .isEqualTo(Decision.UNCHANGED);
  }

  @Test
  void startsFromTheStoredInventoryAndForgetsWhatWasRetracted() {
    InventoryLedger ledger =
        new InventoryLedger(Map.of(KEY, entryWith(LAST), OTHER, new Entry("uid-9", "1", null)));

    assertThat(ledger.published(KEY)).isEqualTo(PUBLISHED);
    assertThat(ledger.unseenKeys()).containsExactlyInAnyOrder(KEY, OTHER);
    assertThat(ledger.confirm(KEY)).isEqualTo(entryWith(LAST));
    assertThat(ledger.unseenKeys()).containsExactly(OTHER);
    assertThat(ledger.wasPublished(KEY)).as("confirmed, still published").isTrue();

    ledger.recordPublished(KEY, NEWER);
    assertThat(ledger.published(KEY)).isEqualTo(NEWER);
    ledger.forget(OTHER);
    assertThat(ledger.unseenKeys()).isEmpty();
    assertThat(ledger.wasPublished(OTHER)).isFalse();
  }

  @Test
  void setsAsideUnseenEntriesNoWatchAnswersFor() {
    InventoryLedger ledger =
        new InventoryLedger(Map.of(KEY, entryWith(LAST), OTHER, new Entry("uid-9", "1", null)));

    assertThat(ledger.setAsideUnseen(key -> key.kind().equals("Deployment"))).isEqualTo(1);
    assertThat(ledger.unseenKeys()).containsExactly(KEY);
    assertThat(ledger.wasPublished(OTHER)).as("its entry stays untouched").isTrue();
  }

  @Test
  void remembersSkippedObjectsAtTheirVersionUntilCleared() {
    InventoryLedger ledger = new InventoryLedger(Map.of());
    ledger.skip("ConfigMap|shop/a", PUBLISHED);

    assertThat(ledger.skipped("ConfigMap|shop/a", PUBLISHED)).isTrue();
    assertThat(ledger.skipped("ConfigMap|shop/a", NEWER)).isFalse();
    ledger.clearSkipped();
    assertThat(ledger.skipped("ConfigMap|shop/a", PUBLISHED)).isFalse();
  }

  @Test
  void oneObjectAlwaysHasTheSameLock() {
    InventoryLedger ledger = new InventoryLedger(Map.of());
    assertThat(ledger.lockFor(KEY))
        .isSameAs(ledger.lockFor(ResourceKey.of("c", "", "ConfigMap", "shop", "a")));
  }

  private static Entry entryWith(ResourceObserved last) {
    return new Entry("uid-1", "10", last);
  }
}
