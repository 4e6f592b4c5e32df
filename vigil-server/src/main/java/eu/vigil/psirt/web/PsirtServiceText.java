package eu.vigil.psirt.web;

/** Small text helpers of the web layer. */
final class PsirtServiceText {

    private PsirtServiceText() {
    }

    static String clip(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[^\\p{Print}]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    static String severity(double score) {
        long tenths = Math.round(score * 10);
        return tenths == 0 ? "NONE" : tenths < 40 ? "LOW" : tenths < 70 ? "MEDIUM" : tenths < 90 ? "HIGH" : "CRITICAL";
    }
}
