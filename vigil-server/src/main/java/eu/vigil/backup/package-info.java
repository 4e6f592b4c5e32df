/**
 * Backup: one encrypted, signed archive of the database (every table, in a portable form that
 * restores into H2 or PostgreSQL) and the blob store, with a manifest of SHA-256 digests;
 * verification without restoring; restore into an empty data folder and database; scheduled
 * backups; retention per data type with audited deletion.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup and retention")
package eu.vigil.backup;
