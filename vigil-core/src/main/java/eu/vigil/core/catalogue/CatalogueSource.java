package eu.vigil.core.catalogue;

/**
 * The bytes of a catalogue file and a name for messages (a file name or resource path).
 *
 * @param name where the bytes came from
 * @param content the JSON document
 */
public record CatalogueSource(String name, byte[] content) {
}
