package eu.vigil.core.nis2;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the classifier needs to know about an entity. The JSON field names of a profile file are
 * the component names. Figures are those of the last approved accounting period; {@code null}
 * means "not given".
 *
 * @param legalName the entity's legal name
 * @param mainEstablishment ISO 3166-1 alpha-2 code of the Member State of the main establishment
 * @param otherMemberStates other Member States where the entity provides services
 * @param headcount staff in annual work units (part-time staff as fractions)
 * @param annualTurnoverEur annual turnover without VAT, in euros
 * @param balanceSheetTotalEur balance-sheet total, in euros
 * @param partnerEnterprises partner enterprises, counted pro rata
 * @param linkedEnterprises linked enterprises, counted in full
 * @param groupIndependenceRecognised the Member State took account of the entity's independence from
 *        its partner and linked enterprises (NIS2 recital 16), so its own figures decide its size
 * @param entityTypes entity-type codes of {@link EntityTypes}
 * @param qualifiedTrustServiceProvider a qualified trust service provider (Art. 3(1)(b))
 * @param publicAdministrationLevel the level, when the entity is a public administration entity
 * @param memberStateDesignation how a Member State identified the entity, if it did
 * @param formerOperatorOfEssentialServices identified as an operator of essential services before
 *        16 January 2023 and kept essential by its Member State (Art. 3(1)(g))
 * @param supplierToEssentialOrImportantEntities supplies essential or important entities
 */
public record EntityProfile(
        String legalName,
        String mainEstablishment,
        List<String> otherMemberStates,
        BigDecimal headcount,
        BigDecimal annualTurnoverEur,
        BigDecimal balanceSheetTotalEur,
        List<PartnerEnterprise> partnerEnterprises,
        List<LinkedEnterprise> linkedEnterprises,
        boolean groupIndependenceRecognised,
        List<String> entityTypes,
        boolean qualifiedTrustServiceProvider,
        PublicAdministrationLevel publicAdministrationLevel,
        MemberStateDesignation memberStateDesignation,
        boolean formerOperatorOfEssentialServices,
        boolean supplierToEssentialOrImportantEntities) {

    public EntityProfile {
        otherMemberStates = otherMemberStates == null ? List.of() : List.copyOf(otherMemberStates);
        partnerEnterprises = partnerEnterprises == null ? List.of() : List.copyOf(partnerEnterprises);
        linkedEnterprises = linkedEnterprises == null ? List.of() : List.copyOf(linkedEnterprises);
        entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
    }

    /** Whether partner or linked enterprises are given, so that group and stand-alone size may differ. */
    public boolean hasGroup() {
        return !partnerEnterprises.isEmpty() || !linkedEnterprises.isEmpty();
    }
}
