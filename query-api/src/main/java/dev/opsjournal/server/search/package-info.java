/** Search of the journal by actor: what a Git author, an Argo CD user or a field manager did. */
package dev.opsjournal.server.search;
