/** Conflicts between Applications over one object: who, since when, how often it flipped. */
package dev.opsjournal.server.conflict;
