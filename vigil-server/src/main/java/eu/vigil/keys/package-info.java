/**
 * Keys: the key hierarchy and encryption at rest. A master key outside the database (a PKCS#12
 * key store in the data folder, or an HSM through PKCS#11) wraps key-encryption keys; they wrap
 * one data key per object. Other modules encrypt fields and streams through {@link
 * eu.vigil.keys.Encryption}, store files through {@link eu.vigil.keys.BlobStore}, sign through
 * {@link eu.vigil.keys.SigningKeys}; {@link eu.vigil.keys.KeyRotation} re-wraps without
 * re-encrypting data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Keys and encryption at rest")
package eu.vigil.keys;
