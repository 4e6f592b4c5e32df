package eu.vigil.core.incident;

/**
 * The kind of entity whose service an incident hits. The eleven types of Implementing Regulation
 * (EU) 2024/2690 Art. 1 have their own significance thresholds (Arts. 5 to 14); every other
 * essential or important entity is judged by NIS2 Art. 23(3) alone.
 */
public enum EntityType {

    DNS_SERVICE_PROVIDER("DNS service provider", "Art. 5"),
    TLD_NAME_REGISTRY("TLD name registry", "Art. 6"),
    CLOUD_COMPUTING_SERVICE_PROVIDER("Cloud computing service provider", "Art. 7"),
    DATA_CENTRE_SERVICE_PROVIDER("Data centre service provider", "Art. 8"),
    CONTENT_DELIVERY_NETWORK_PROVIDER("Content delivery network provider", "Art. 9"),
    MANAGED_SERVICE_PROVIDER("Managed service provider", "Art. 10"),
    MANAGED_SECURITY_SERVICE_PROVIDER("Managed security service provider", "Art. 10"),
    ONLINE_MARKETPLACE("Provider of an online marketplace", "Art. 11"),
    ONLINE_SEARCH_ENGINE("Provider of an online search engine", "Art. 12"),
    SOCIAL_NETWORKING_PLATFORM("Provider of a social networking services platform", "Art. 13"),
    TRUST_SERVICE_PROVIDER("Trust service provider", "Art. 14"),
    OTHER("Other essential or important entity", null);

    private final String title;
    private final String article;

    EntityType(String title, String article) {
        this.title = title;
        this.article = article;
    }

    public String title() {
        return title;
    }

    /** The article of Implementing Regulation 2024/2690 with this type's own thresholds, or {@code null}. */
    public String article() {
        return article;
    }

    /** Whether Implementing Regulation 2024/2690 defines significance for this type. */
    public boolean coveredByImplementingRegulation() {
        return article != null;
    }
}
