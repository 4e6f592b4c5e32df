package eu.vigil.scope.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.vigil.core.nis2.EntityProfile;
import eu.vigil.core.nis2.FieldProblem;
import eu.vigil.core.nis2.LinkedEnterprise;
import eu.vigil.core.nis2.PartnerEnterprise;
import org.springframework.util.MultiValueMap;

/**
 * The guided profile form: every value as typed, so that a refused form is shown again unchanged.
 * Field names are those of the profile file; {@link #toProfileDocument()} builds that file.
 */
record ProfileForm(String legalName, String mainEstablishment, List<String> otherMemberStates, String headcount,
                   String annualTurnoverEur, String balanceSheetTotalEur, List<Row> partners, List<Row> linked,
                   boolean groupIndependenceRecognised, List<String> entityTypes,
                   boolean qualifiedTrustServiceProvider, String publicAdministrationLevel,
                   String memberStateDesignation, boolean formerOperatorOfEssentialServices,
                   boolean supplierToEssentialOrImportantEntities) {

    /** Rows for partner and linked enterprises shown on the form. */
    static final int ROWS = 3;

    /** One partner or linked enterprise row; {@code sharePercent} is unused for linked enterprises. */
    record Row(String name, String sharePercent, String headcount, String annualTurnoverEur,
               String balanceSheetTotalEur) {

        boolean blank() {
            return (name + sharePercent + headcount + annualTurnoverEur + balanceSheetTotalEur).isBlank();
        }
    }

    static ProfileForm empty() {
        return new ProfileForm("", "", List.of(), "", "", "", rows(List.of()), rows(List.of()), false, List.of(),
                false, "", "", false, false);
    }

    static ProfileForm of(EntityProfile p) {
        List<Row> partners = p.partnerEnterprises().stream().map(e -> new Row(text(e.name()), text(e.sharePercent()),
                text(e.headcount()), text(e.annualTurnoverEur()), text(e.balanceSheetTotalEur()))).toList();
        List<Row> linked = p.linkedEnterprises().stream().map(e -> new Row(text(e.name()), "", text(e.headcount()),
                text(e.annualTurnoverEur()), text(e.balanceSheetTotalEur()))).toList();
        return new ProfileForm(text(p.legalName()), text(p.mainEstablishment()), p.otherMemberStates(),
                text(p.headcount()), text(p.annualTurnoverEur()), text(p.balanceSheetTotalEur()), rows(partners),
                rows(linked), p.groupIndependenceRecognised(), p.entityTypes(), p.qualifiedTrustServiceProvider(),
                p.publicAdministrationLevel() == null ? "" : p.publicAdministrationLevel().code(),
                p.memberStateDesignation() == null ? "" : p.memberStateDesignation().code(),
                p.formerOperatorOfEssentialServices(), p.supplierToEssentialOrImportantEntities());
    }

    static ProfileForm from(MultiValueMap<String, String> form) {
        List<Row> partners = new ArrayList<>();
        List<Row> linked = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            partners.add(new Row(at(form, "partner.name", i), at(form, "partner.sharePercent", i),
                    at(form, "partner.headcount", i), at(form, "partner.annualTurnoverEur", i),
                    at(form, "partner.balanceSheetTotalEur", i)));
            linked.add(new Row(at(form, "linked.name", i), "", at(form, "linked.headcount", i),
                    at(form, "linked.annualTurnoverEur", i), at(form, "linked.balanceSheetTotalEur", i)));
        }
        return new ProfileForm(first(form, "legalName"), first(form, "mainEstablishment"),
                list(form, "otherMemberStates"), first(form, "headcount"), first(form, "annualTurnoverEur"),
                first(form, "balanceSheetTotalEur"), partners, linked, checked(form, "groupIndependenceRecognised"),
                list(form, "entityTypes"), checked(form, "qualifiedTrustServiceProvider"),
                first(form, "publicAdministrationLevel"), first(form, "memberStateDesignation"),
                checked(form, "formerOperatorOfEssentialServices"),
                checked(form, "supplierToEssentialOrImportantEntities"));
    }

    /**
     * The profile file this form stands for. Numbers that cannot be read are left out of the
     * document and reported in {@code problems}, named by their field in the file.
     */
    Map<String, Object> toProfileDocument(List<FieldProblem> problems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("legalName", blankToNull(legalName));
        doc.put("mainEstablishment", blankToNull(mainEstablishment));
        doc.put("otherMemberStates", otherMemberStates);
        doc.put("headcount", number("headcount", headcount, problems));
        doc.put("annualTurnoverEur", number("annualTurnoverEur", annualTurnoverEur, problems));
        doc.put("balanceSheetTotalEur", number("balanceSheetTotalEur", balanceSheetTotalEur, problems));
        List<Map<String, Object>> partnerDocs = new ArrayList<>();
        for (Row row : partners) {
            if (!row.blank()) {
                String path = "partnerEnterprises[" + partnerDocs.size() + "].";
                Map<String, Object> partner = new LinkedHashMap<>();
                partner.put("name", blankToNull(row.name()));
                partner.put("sharePercent", number(path + "sharePercent", row.sharePercent(), problems));
                partner.put("headcount", number(path + "headcount", row.headcount(), problems));
                partner.put("annualTurnoverEur", number(path + "annualTurnoverEur", row.annualTurnoverEur(), problems));
                partner.put("balanceSheetTotalEur", number(path + "balanceSheetTotalEur", row.balanceSheetTotalEur(),
                        problems));
                partnerDocs.add(partner);
            }
        }
        doc.put("partnerEnterprises", partnerDocs);
        List<Map<String, Object>> linkedDocs = new ArrayList<>();
        for (Row row : linked) {
            if (!row.blank()) {
                String path = "linkedEnterprises[" + linkedDocs.size() + "].";
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("name", blankToNull(row.name()));
                link.put("headcount", number(path + "headcount", row.headcount(), problems));
                link.put("annualTurnoverEur", number(path + "annualTurnoverEur", row.annualTurnoverEur(), problems));
                link.put("balanceSheetTotalEur", number(path + "balanceSheetTotalEur", row.balanceSheetTotalEur(),
                        problems));
                linkedDocs.add(link);
            }
        }
        doc.put("linkedEnterprises", linkedDocs);
        doc.put("groupIndependenceRecognised", groupIndependenceRecognised);
        doc.put("entityTypes", entityTypes);
        doc.put("qualifiedTrustServiceProvider", qualifiedTrustServiceProvider);
        doc.put("publicAdministrationLevel", blankToNull(publicAdministrationLevel));
        doc.put("memberStateDesignation", blankToNull(memberStateDesignation));
        doc.put("formerOperatorOfEssentialServices", formerOperatorOfEssentialServices);
        doc.put("supplierToEssentialOrImportantEntities", supplierToEssentialOrImportantEntities);
        return doc;
    }

    private static BigDecimal number(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String cleaned = value.strip().replace("_", "").replace(" ", "").replace("\u00a0", "");
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a number such as 250 or 12500000, not '" + value.strip()
                    + "' (no thousands separators other than spaces)"));
            return null;
        }
    }

    private static List<Row> rows(List<Row> given) {
        List<Row> rows = new ArrayList<>(given);
        while (rows.size() < ROWS) {
            rows.add(new Row("", "", "", "", ""));
        }
        return rows;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String at(MultiValueMap<String, String> form, String name, int index) {
        List<String> values = form.get(name);
        return values == null || values.size() <= index || values.get(index) == null ? "" : values.get(index);
    }

    private static List<String> list(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static boolean checked(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values != null && values.contains("true");
    }
}
