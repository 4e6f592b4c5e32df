package eu.vigil.keys;

/** Published when the master key was replaced and every KEK re-wrapped under the new one. */
public record MasterKeyRotated(String previousAlias, String alias, int keks) {
}
