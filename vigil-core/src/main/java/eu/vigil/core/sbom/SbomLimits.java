package eu.vigil.core.sbom;

/**
 * Bounds that keep reading a hostile SBOM cheap: larger or deeper documents are refused with a
 * clear {@link eu.vigil.core.InvalidInputException} instead of exhausting memory or stack.
 *
 * @param maxBytes largest document accepted, in bytes
 * @param maxDepth deepest nesting of JSON objects and arrays or XML elements accepted
 * @param maxStringLength longest single string value (or tag-value line) accepted, in characters
 */
public record SbomLimits(long maxBytes, int maxDepth, int maxStringLength) {

    /** 256 MiB, 200 levels, 16 Mi characters: ample for real SBOMs of whole firmware images. */
    public static final SbomLimits DEFAULT = new SbomLimits(256L * 1024 * 1024, 200, 16 * 1024 * 1024);

    public SbomLimits {
        if (maxBytes < 1 || maxDepth < 8 || maxStringLength < 1024) {
            throw new IllegalArgumentException("SBOM limits too small: maxBytes " + maxBytes + ", maxDepth "
                    + maxDepth + " (at least 8), maxStringLength " + maxStringLength + " (at least 1024)");
        }
    }

    /** The same limits with another maximum size. */
    public SbomLimits withMaxBytes(long bytes) {
        return new SbomLimits(bytes, maxDepth, maxStringLength);
    }
}
