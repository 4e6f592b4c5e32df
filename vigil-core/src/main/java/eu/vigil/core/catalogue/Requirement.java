package eu.vigil.core.catalogue;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One requirement (or a heading that groups requirements) of a catalogue.
 *
 * @param id stable, globally unique id that starts with the catalogue id, e.g. {@code ir2690.6.10.2.e}
 * @param title short title
 * @param text what the requirement asks, in Vigil's own words
 * @param parent the id of the heading or requirement above it in the same catalogue, or {@code null}
 * @param reference the legal or standard reference, e.g. {@code NIS2 Art. 21(2)(d)}
 * @param assessable whether an assessment rates it; headings and bare lead-ins are not rated
 * @param obligation for standards that distinguish them, mandatory or recommended; otherwise {@code null}
 * @param condition when the requirement applies, in words, or {@code null} when always
 * @param areas the security areas it serves
 * @param isoControls ISO/IEC 27001:2022 Annex A controls it maps to
 * @param equivalents requirements of other catalogues that the same evidence usually satisfies
 * @param implementsRequirements requirements of other catalogues that this one details (JSON {@code implements})
 * @param aliases other numbers the same requirement is known by (other versions or tools)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "title", "text", "parent", "reference", "assessable", "obligation", "condition", "areas",
        "isoControls", "equivalents", "implements", "aliases"})
public record Requirement(
        String id,
        String title,
        String text,
        String parent,
        String reference,
        @JsonInclude(JsonInclude.Include.ALWAYS) boolean assessable,
        Obligation obligation,
        String condition,
        List<Area> areas,
        List<String> isoControls,
        List<String> equivalents,
        @JsonProperty("implements") List<String> implementsRequirements,
        List<String> aliases) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        areas = List.copyOf(areas);
        isoControls = List.copyOf(isoControls);
        equivalents = List.copyOf(equivalents);
        implementsRequirements = List.copyOf(implementsRequirements);
        aliases = List.copyOf(aliases);
    }
}
