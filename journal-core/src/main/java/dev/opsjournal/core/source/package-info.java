/**
 * One Git source (a repository and branch): the commits recorded on it, with the Applications each
 * one reaches, history rewrites (force pushes), and windows when it could not be fetched.
 */
package dev.opsjournal.core.source;
