package eu.vigil.core.cvss;

import java.util.SplittableRandom;

/** Random valid vectors of each version, every optional metric present or absent at random. */
final class RandomVectors {

    private static final String[][] V2 = {
            {"AV", "L", "A", "N"}, {"AC", "H", "M", "L"}, {"Au", "M", "S", "N"},
            {"C", "N", "P", "C"}, {"I", "N", "P", "C"}, {"A", "N", "P", "C"}};
    private static final String[][] V2_TEMPORAL = {
            {"E", "U", "POC", "F", "H", "ND"}, {"RL", "OF", "TF", "W", "U", "ND"}, {"RC", "UC", "UR", "C", "ND"}};
    private static final String[][] V2_ENVIRONMENTAL = {
            {"CDP", "N", "L", "LM", "MH", "H", "ND"}, {"TD", "N", "L", "M", "H", "ND"},
            {"CR", "L", "M", "H", "ND"}, {"IR", "L", "M", "H", "ND"}, {"AR", "L", "M", "H", "ND"}};
    private static final String[][] V3_BASE = {
            {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"}, {"UI", "N", "R"},
            {"S", "U", "C"}, {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
    private static final String[][] V3_OPTIONAL = {
            {"E", "X", "H", "F", "P", "U"}, {"RL", "X", "U", "W", "T", "O"}, {"RC", "X", "C", "R", "U"},
            {"CR", "X", "H", "M", "L"}, {"IR", "X", "H", "M", "L"}, {"AR", "X", "H", "M", "L"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MPR", "X", "N", "L", "H"},
            {"MUI", "X", "N", "R"}, {"MS", "X", "U", "C"},
            {"MC", "X", "H", "L", "N"}, {"MI", "X", "H", "L", "N"}, {"MA", "X", "H", "L", "N"}};
    private static final String[][] V4_BASE = {
            {"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"}, {"PR", "N", "L", "H"},
            {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"}, {"VA", "H", "L", "N"},
            {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}};
    private static final String[][] V4_OPTIONAL = {
            {"E", "X", "A", "P", "U"},
            {"CR", "X", "H", "M", "L"}, {"IR", "X", "H", "M", "L"}, {"AR", "X", "H", "M", "L"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MAT", "X", "N", "P"},
            {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "P", "A"},
            {"MVC", "X", "H", "L", "N"}, {"MVI", "X", "H", "L", "N"}, {"MVA", "X", "H", "L", "N"},
            {"MSC", "X", "H", "L", "N"}, {"MSI", "X", "S", "H", "L", "N"}, {"MSA", "X", "S", "H", "L", "N"},
            {"S", "X", "N", "P"}, {"AU", "X", "N", "Y"}, {"R", "X", "A", "U", "I"}, {"V", "X", "D", "C"},
            {"RE", "X", "L", "M", "H"}, {"U", "X", "Clear", "Green", "Amber", "Red"}};

    private final SplittableRandom random;

    RandomVectors(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String version2() {
        StringBuilder out = new StringBuilder();
        append(out, V2, false);
        if (random.nextBoolean()) {
            append(out, V2_TEMPORAL, false);
        }
        if (random.nextBoolean()) {
            append(out, V2_ENVIRONMENTAL, false);
        }
        return out.substring(1);
    }

    String version3(String version, boolean optional) {
        StringBuilder out = new StringBuilder("CVSS:").append(version);
        append(out, V3_BASE, false);
        if (optional) {
            append(out, V3_OPTIONAL, true);
        }
        return out.toString();
    }

    String version4(boolean optional) {
        StringBuilder out = new StringBuilder("CVSS:4.0");
        append(out, V4_BASE, false);
        if (optional) {
            append(out, V4_OPTIONAL, true);
        }
        return out.toString();
    }

    private void append(StringBuilder out, String[][] metrics, boolean maybe) {
        for (String[] metric : metrics) {
            if (maybe && random.nextInt(3) == 0) {
                continue;
            }
            out.append('/').append(metric[0]).append(':').append(metric[1 + random.nextInt(metric.length - 1)]);
        }
    }
}
