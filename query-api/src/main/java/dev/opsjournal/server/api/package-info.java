/**
 * What every endpoint of {@code /api/v1} shares: request parameters read strictly (a resource's
 * identity, ISO-8601 instants, pages), answers as pages, errors as {@code
 * application/problem+json}.
 */
package dev.opsjournal.server.api;
