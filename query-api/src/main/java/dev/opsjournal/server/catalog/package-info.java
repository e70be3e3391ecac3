/**
 * The Applications the journal knows and the commits it recorded: the catalog the ingest uses to
 * tell which Applications a commit reaches, and the syncs' commit authors.
 */
package dev.opsjournal.server.catalog;
