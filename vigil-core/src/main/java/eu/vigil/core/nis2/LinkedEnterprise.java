package eu.vigil.core.nis2;

import java.math.BigDecimal;

/**
 * A linked enterprise in the sense of Art. 3(3) of the Annex to Recommendation 2003/361/EC (one
 * controls the other, e.g. through a majority of voting rights). Its figures count in full.
 *
 * @param name the linked enterprise's name, for explanations
 * @param headcount staff in annual work units, or {@code null} when unknown
 * @param annualTurnoverEur annual turnover in euros, or {@code null} when unknown
 * @param balanceSheetTotalEur balance-sheet total in euros, or {@code null} when unknown
 */
public record LinkedEnterprise(
        String name,
        BigDecimal headcount,
        BigDecimal annualTurnoverEur,
        BigDecimal balanceSheetTotalEur) {
}
