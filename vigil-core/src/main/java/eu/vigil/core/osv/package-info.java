/**
 * OSV vulnerability records (schema 1.x): reading them from files, folders and osv.dev zip
 * exports ({@link eu.vigil.core.osv.OsvLoader}), indexing them by ecosystem and package, and
 * matching package versions exactly as the OSV schema's evaluation pseudocode specifies
 * ({@link eu.vigil.core.osv.OsvIndex}). {@link eu.vigil.core.osv.OsvPackageRef} maps a Package
 * URL's type, namespace and name to the OSV ecosystem and package name.
 */
package eu.vigil.core.osv;
