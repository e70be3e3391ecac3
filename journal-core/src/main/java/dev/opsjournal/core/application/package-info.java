/**
 * One Argo CD Application's story: registration, spec changes, every sync (including the partial
 * self-heal syncs Argo CD leaves out of its history), sync and health status, conditions, and the
 * status it reports for each resource it declares.
 */
package dev.opsjournal.core.application;
