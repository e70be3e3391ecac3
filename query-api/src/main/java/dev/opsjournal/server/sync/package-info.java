/** Every sync of an Application, self-heal included, with the commit and author it deployed. */
package dev.opsjournal.server.sync;
