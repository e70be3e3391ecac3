/**
 * One cluster's control plane: whether Argo CD's application controller is enforcing the desired
 * state, judged from collector heartbeats that carry the newest reconciledAt they saw.
 */
package dev.opsjournal.core.cluster;
