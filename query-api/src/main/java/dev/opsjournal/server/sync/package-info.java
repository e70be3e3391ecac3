/**
 * Every sync of an Application, self-heal included: the {@code sync_record} table, projected from
 * sync events, and {@link dev.opsjournal.server.sync.SyncRecords}, its one reader.
 */
package dev.opsjournal.server.sync;
