package eu.vigil.core.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The 93 controls of ISO/IEC 27001:2022 Annex A by identifier ({@code A.5.1} to {@code A.8.34}), with their titles. */
public final class IsoControls {

    private static final Map<String, String> TITLES = ordered(
            Map.entry("A.5.1", "Policies for information security"),
            Map.entry("A.5.2", "Information security roles and responsibilities"),
            Map.entry("A.5.3", "Segregation of duties"),
            Map.entry("A.5.4", "Management responsibilities"),
            Map.entry("A.5.5", "Contact with authorities"),
            Map.entry("A.5.6", "Contact with special interest groups"),
            Map.entry("A.5.7", "Threat intelligence"),
            Map.entry("A.5.8", "Information security in project management"),
            Map.entry("A.5.9", "Inventory of information and other associated assets"),
            Map.entry("A.5.10", "Acceptable use of information and other associated assets"),
            Map.entry("A.5.11", "Return of assets"),
            Map.entry("A.5.12", "Classification of information"),
            Map.entry("A.5.13", "Labelling of information"),
            Map.entry("A.5.14", "Information transfer"),
            Map.entry("A.5.15", "Access control"),
            Map.entry("A.5.16", "Identity management"),
            Map.entry("A.5.17", "Authentication information"),
            Map.entry("A.5.18", "Access rights"),
            Map.entry("A.5.19", "Information security in supplier relationships"),
            Map.entry("A.5.20", "Addressing information security within supplier agreements"),
            Map.entry("A.5.21", "Managing information security in the ICT supply chain"),
            Map.entry("A.5.22", "Monitoring, review and change management of supplier services"),
            Map.entry("A.5.23", "Information security for use of cloud services"),
            Map.entry("A.5.24", "Information security incident management planning and preparation"),
            Map.entry("A.5.25", "Assessment and decision on information security events"),
            Map.entry("A.5.26", "Response to information security incidents"),
            Map.entry("A.5.27", "Learning from information security incidents"),
            Map.entry("A.5.28", "Collection of evidence"),
            Map.entry("A.5.29", "Information security during disruption"),
            Map.entry("A.5.30", "ICT readiness for business continuity"),
            Map.entry("A.5.31", "Legal, statutory, regulatory and contractual requirements"),
            Map.entry("A.5.32", "Intellectual property rights"),
            Map.entry("A.5.33", "Protection of records"),
            Map.entry("A.5.34", "Privacy and protection of PII"),
            Map.entry("A.5.35", "Independent review of information security"),
            Map.entry("A.5.36", "Compliance with policies, rules and standards for information security"),
            Map.entry("A.5.37", "Documented operating procedures"),
            Map.entry("A.6.1", "Screening"),
            Map.entry("A.6.2", "Terms and conditions of employment"),
            Map.entry("A.6.3", "Information security awareness, education and training"),
            Map.entry("A.6.4", "Disciplinary process"),
            Map.entry("A.6.5", "Responsibilities after termination or change of employment"),
            Map.entry("A.6.6", "Confidentiality or non-disclosure agreements"),
            Map.entry("A.6.7", "Remote working"),
            Map.entry("A.6.8", "Information security event reporting"),
            Map.entry("A.7.1", "Physical security perimeters"),
            Map.entry("A.7.2", "Physical entry"),
            Map.entry("A.7.3", "Securing offices, rooms and facilities"),
            Map.entry("A.7.4", "Physical security monitoring"),
            Map.entry("A.7.5", "Protecting against physical and environmental threats"),
            Map.entry("A.7.6", "Working in secure areas"),
            Map.entry("A.7.7", "Clear desk and clear screen"),
            Map.entry("A.7.8", "Equipment siting and protection"),
            Map.entry("A.7.9", "Security of assets off-premises"),
            Map.entry("A.7.10", "Storage media"),
            Map.entry("A.7.11", "Supporting utilities"),
            Map.entry("A.7.12", "Cabling security"),
            Map.entry("A.7.13", "Equipment maintenance"),
            Map.entry("A.7.14", "Secure disposal or re-use of equipment"),
            Map.entry("A.8.1", "User end point devices"),
            Map.entry("A.8.2", "Privileged access rights"),
            Map.entry("A.8.3", "Information access restriction"),
            Map.entry("A.8.4", "Access to source code"),
            Map.entry("A.8.5", "Secure authentication"),
            Map.entry("A.8.6", "Capacity management"),
            Map.entry("A.8.7", "Protection against malware"),
            Map.entry("A.8.8", "Management of technical vulnerabilities"),
            Map.entry("A.8.9", "Configuration management"),
            Map.entry("A.8.10", "Information deletion"),
            Map.entry("A.8.11", "Data masking"),
            Map.entry("A.8.12", "Data leakage prevention"),
            Map.entry("A.8.13", "Information backup"),
            Map.entry("A.8.14", "Redundancy of information processing facilities"),
            Map.entry("A.8.15", "Logging"),
            Map.entry("A.8.16", "Monitoring activities"),
            Map.entry("A.8.17", "Clock synchronization"),
            Map.entry("A.8.18", "Use of privileged utility programs"),
            Map.entry("A.8.19", "Installation of software on operational systems"),
            Map.entry("A.8.20", "Networks security"),
            Map.entry("A.8.21", "Security of network services"),
            Map.entry("A.8.22", "Segregation of networks"),
            Map.entry("A.8.23", "Web filtering"),
            Map.entry("A.8.24", "Use of cryptography"),
            Map.entry("A.8.25", "Secure development life cycle"),
            Map.entry("A.8.26", "Application security requirements"),
            Map.entry("A.8.27", "Secure system architecture and engineering principles"),
            Map.entry("A.8.28", "Secure coding"),
            Map.entry("A.8.29", "Security testing in development and acceptance"),
            Map.entry("A.8.30", "Outsourced development"),
            Map.entry("A.8.31", "Separation of development, test and production environments"),
            Map.entry("A.8.32", "Change management"),
            Map.entry("A.8.33", "Test information"),
            Map.entry("A.8.34", "Protection of information systems during audit testing"));

    private IsoControls() {
    }

    /** Every control in the order of the Annex. */
    public static Map<String, String> all() {
        return TITLES;
    }

    public static boolean isKnown(String id) {
        return TITLES.containsKey(id);
    }

    public static Optional<String> title(String id) {
        return Optional.ofNullable(TITLES.get(id));
    }

    @SafeVarargs
    private static Map<String, String> ordered(Map.Entry<String, String>... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
