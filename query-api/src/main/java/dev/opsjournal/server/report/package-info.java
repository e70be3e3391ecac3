/**
 * The weekly Markdown journal: a read model of what the other read models do not keep (desired
 * values as Argo CD applied them, Applications' sync policies, status and conditions), the query
 * that gathers one ISO week, the pure renderer, and the two ways out: {@code GET
 * /api/v1/journal/weekly} and a one-shot export to a file.
 */
package dev.opsjournal.server.report;
