/**
 * Detached signatures over files of any size, interoperable with openssl: Ed25519 (PureEdDSA, as
 * {@code openssl pkeyutl -sign -rawin}) and ECDSA P-256 with SHA-256 (as {@code openssl dgst
 * -sha256 -sign}), keys in PEM PKCS#8 / SubjectPublicKeyInfo. Start at
 * {@link eu.vigil.core.signing.SigningKey} and {@link eu.vigil.core.signing.VerificationKey}.
 *
 * <p>No method accepts or returns {@code null}; malformed keys raise
 * {@link eu.vigil.core.InvalidInputException}, malformed signatures simply do not verify.
 */
package eu.vigil.core.signing;
