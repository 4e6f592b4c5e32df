package eu.vigil.core.cvss;

/**
 * The qualitative rating of a score. CVSS 3.x and 4.0 use all five (3.1 §5, 4.0 §6); CVSS 2.0
 * defines none, and NVD rates 2.0 scores LOW (0.0–3.9), MEDIUM (4.0–6.9) or HIGH (7.0–10.0).
 */
public enum CvssSeverity {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The CVSS 3.x / 4.0 rating of a score given in tenths (0–100). */
    static CvssSeverity ofTenths(int tenths) {
        if (tenths == 0) {
            return NONE;
        }
        if (tenths < 40) {
            return LOW;
        }
        if (tenths < 70) {
            return MEDIUM;
        }
        return tenths < 90 ? HIGH : CRITICAL;
    }

    /** NVD's rating of a CVSS 2.0 score given in tenths (0–100). */
    static CvssSeverity ofVersion2Tenths(int tenths) {
        if (tenths < 40) {
            return LOW;
        }
        return tenths < 70 ? MEDIUM : HIGH;
    }
}
