/**
 * Windows when desired state was not enforced (Argo CD's controller silent) or a Git source could
 * not be fetched.
 */
package dev.opsjournal.server.outage;
