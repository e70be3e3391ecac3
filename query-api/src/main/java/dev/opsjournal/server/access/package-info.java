/**
 * Who may read the journal: bearer tokens on every {@code /api/v1} request — static tokens from
 * configuration or a mounted Secret, or JWTs from an OIDC issuer — while health and the OpenAPI
 * document stay open.
 */
package dev.opsjournal.server.access;
