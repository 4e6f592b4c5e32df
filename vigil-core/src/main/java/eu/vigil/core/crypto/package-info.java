/**
 * Pure cryptographic building blocks, free of key storage: AES-256-GCM for short values,
 * chunked AES-256-GCM for streams of any size in constant memory, and the canonical encoding and
 * SHA-256 links of a hash chain. Keys come from the caller (the server's key hierarchy).
 */
package eu.vigil.core.crypto;
