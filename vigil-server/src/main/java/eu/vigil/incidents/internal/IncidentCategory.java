package eu.vigil.incidents.internal;

/** What kind of incident it is (a short taxonomy after ENISA's reference incident classification). */
public enum IncidentCategory {
    MALWARE("Malware"),
    RANSOMWARE("Ransomware"),
    INTRUSION("Intrusion or unauthorised access"),
    DENIAL_OF_SERVICE("Denial of service"),
    DATA_BREACH("Data breach or leak"),
    PHISHING("Phishing or social engineering"),
    FRAUD("Fraud"),
    VULNERABILITY_EXPLOITED("Exploited vulnerability"),
    MISCONFIGURATION("Misconfiguration or human error"),
    SYSTEM_FAILURE("System or supplier failure"),
    PHYSICAL("Physical or environmental"),
    OTHER("Other");

    private final String title;

    IncidentCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
