package eu.vigil.core.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The catalogues that ship with Vigil, read once from the class path and checked together. */
public final class ShippedCatalogues {

    /** Resource names below {@code eu/vigil/core/catalogue/}, in display order. */
    public static final List<String> RESOURCES = List.of("nis2.json", "ir-2024-2690.json", "cra-annex-i.json",
            "etsi-en-303-645.json");

    private static final class Holder {
        static final CatalogueSet CATALOGUES = new CatalogueReader().readAll(sources());
    }

    private ShippedCatalogues() {
    }

    /** The shipped catalogues; a broken resource is a build defect and fails here loudly. */
    public static CatalogueSet load() {
        return Holder.CATALOGUES;
    }

    /** The raw shipped files, e.g. to check a changed catalogue against the others. */
    public static List<CatalogueSource> sources() {
        List<CatalogueSource> sources = new ArrayList<>();
        for (String name : RESOURCES) {
            try (InputStream in = ShippedCatalogues.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("catalogue resource missing: " + name);
                }
                sources.add(new CatalogueSource(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read catalogue resource " + name, e);
            }
        }
        return sources;
    }
}
