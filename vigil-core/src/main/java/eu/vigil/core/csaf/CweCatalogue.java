package eu.vigil.core.csaf;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of the CWE weaknesses (MITRE Common Weakness Enumeration), for test 6.1.11: a CWE given in
 * an advisory must exist and carry its official name. Read from the shipped {@code cwe-weaknesses.tsv}.
 */
public final class CweCatalogue {

    private static final Map<String, String> NAMES = load();

    private CweCatalogue() {
    }

    /** The official name of a weakness such as {@code CWE-79}, or {@code null} when unknown. */
    public static String name(String id) {
        return NAMES.get(id);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        for (String line : CsafSchemas.resource("cwe-weaknesses.tsv").split("\n")) {
            int tab = line.indexOf('\t');
            if (!line.startsWith("#") && tab > 0) {
                names.put(line.substring(0, tab), line.substring(tab + 1).strip());
            }
        }
        return Map.copyOf(names);
    }
}
