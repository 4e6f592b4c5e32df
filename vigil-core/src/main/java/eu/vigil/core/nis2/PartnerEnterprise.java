package eu.vigil.core.nis2;

import java.math.BigDecimal;

/**
 * A partner enterprise in the sense of Art. 3(2) of the Annex to Recommendation 2003/361/EC: one
 * side holds 25 % to 50 % of the other's capital or voting rights without control. Its figures
 * count pro rata to {@code sharePercent} (Annex Art. 6(2)).
 *
 * @param name the partner's name, for explanations
 * @param sharePercent the holding, the higher of capital and voting rights, 25 to 50
 * @param headcount staff in annual work units, or {@code null} when unknown
 * @param annualTurnoverEur annual turnover in euros, or {@code null} when unknown
 * @param balanceSheetTotalEur balance-sheet total in euros, or {@code null} when unknown
 */
public record PartnerEnterprise(
        String name,
        BigDecimal sharePercent,
        BigDecimal headcount,
        BigDecimal annualTurnoverEur,
        BigDecimal balanceSheetTotalEur) {
}
