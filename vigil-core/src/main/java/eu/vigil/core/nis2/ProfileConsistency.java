package eu.vigil.core.nis2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the values of a profile and that its fields agree with each other. Missing size figures
 * are the classifier's business, because only it knows whether they matter.
 */
final class ProfileConsistency {

    static final String TSP = "digital_infra.trust_service_provider";
    static final String PA_CENTRAL = "public_admin.central_government";
    static final String PA_REGIONAL = "public_admin.regional";
    static final String PA_LOCAL = "ms_option.public_admin_local";
    static final String EDUCATION = "ms_option.education_institution";

    /** The entity type each public administration level stands for. */
    static final Map<PublicAdministrationLevel, String> PA_TYPE = Map.of(
            PublicAdministrationLevel.CENTRAL, PA_CENTRAL,
            PublicAdministrationLevel.REGIONAL, PA_REGIONAL,
            PublicAdministrationLevel.LOCAL, PA_LOCAL);

    private static final int MAX_NAME_LENGTH = 300;
    private static final int MAX_DECIMALS = 4;
    private static final BigDecimal MAX_HEADCOUNT = BigDecimal.valueOf(100_000_000L);
    private static final BigDecimal MAX_EUROS = new BigDecimal("1E14");

    private ProfileConsistency() {
    }

    static List<FieldProblem> check(EntityProfile profile) {
        List<FieldProblem> problems = new ArrayList<>();
        checkName("legalName", profile.legalName(), problems);
        checkMemberStates(profile, problems);
        checkFigure("headcount", profile.headcount(), problems);
        checkFigure("annualTurnoverEur", profile.annualTurnoverEur(), problems);
        checkFigure("balanceSheetTotalEur", profile.balanceSheetTotalEur(), problems);
        checkGroup(profile, problems);
        checkEntityTypes(profile, problems);
        return problems;
    }

    private static void checkName(String field, String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem(field, "missing; give the legal name"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem(field, "longer than " + MAX_NAME_LENGTH + " characters"));
        }
    }

    private static void checkMemberStates(EntityProfile profile, List<FieldProblem> problems) {
        String main = profile.mainEstablishment();
        if (main == null || main.isBlank()) {
            problems.add(new FieldProblem("mainEstablishment",
                    "missing; give the ISO 3166-1 alpha-2 code of the Member State of the main establishment"));
        } else {
            MemberStates.problemWith(main).ifPresent(p -> problems.add(new FieldProblem("mainEstablishment", p)));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < profile.otherMemberStates().size(); i++) {
            String field = "otherMemberStates[" + i + "]";
            String code = profile.otherMemberStates().get(i);
            Optional<String> problem = MemberStates.problemWith(code);
            if (problem.isPresent()) {
                problems.add(new FieldProblem(field, problem.get()));
            } else if (code.equals(main)) {
                problems.add(new FieldProblem(field, code + " is already the main establishment; "
                        + "list only the other Member States"));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(field, code + " is listed twice"));
            }
        }
    }

    private static void checkFigure(String field, BigDecimal value, List<FieldProblem> problems) {
        figureProblem(field, value).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
    }

    /** Why a figure cannot be used: negative, absurdly large or with too many decimals. */
    static Optional<String> figureProblem(String field, BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0) {
            return Optional.of("is negative (" + value + "); figures are 0 or more");
        }
        boolean staff = field.endsWith("headcount");
        BigDecimal limit = staff ? MAX_HEADCOUNT : MAX_EUROS;
        if (value.compareTo(limit) > 0) {
            return Optional.of("is " + value + ", more than the plausible maximum of " + limit.toPlainString()
                    + (staff ? " staff" : " euros") + "; check the unit (whole euros, staff in annual work units)");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of("has more than " + MAX_DECIMALS + " decimal places (" + value + ")");
        }
        return Optional.empty();
    }

    private static void checkGroup(EntityProfile profile, List<FieldProblem> problems) {
        for (int i = 0; i < profile.partnerEnterprises().size(); i++) {
            PartnerEnterprise partner = profile.partnerEnterprises().get(i);
            String prefix = "partnerEnterprises[" + i + "].";
            checkName(prefix + "name", partner.name(), problems);
            BigDecimal share = partner.sharePercent();
            if (share == null) {
                problems.add(new FieldProblem(prefix + "sharePercent",
                        "missing; give the holding in percent (the higher of capital and voting rights)"));
            } else if (share.compareTo(BigDecimal.valueOf(25)) < 0) {
                problems.add(new FieldProblem(prefix + "sharePercent", "is " + share.toPlainString()
                        + "; below 25 % an enterprise is not a partner (Recommendation 2003/361/EC, Annex Art. 3): "
                        + "leave it out"));
            } else if (share.compareTo(BigDecimal.valueOf(50)) > 0) {
                problems.add(new FieldProblem(prefix + "sharePercent", "is " + share.toPlainString()
                        + "; above 50 % the enterprises are linked, not partners: list it under linkedEnterprises"));
            }
            checkFigure(prefix + "headcount", partner.headcount(), problems);
            checkFigure(prefix + "annualTurnoverEur", partner.annualTurnoverEur(), problems);
            checkFigure(prefix + "balanceSheetTotalEur", partner.balanceSheetTotalEur(), problems);
        }
        for (int i = 0; i < profile.linkedEnterprises().size(); i++) {
            LinkedEnterprise linked = profile.linkedEnterprises().get(i);
            String prefix = "linkedEnterprises[" + i + "].";
            checkName(prefix + "name", linked.name(), problems);
            checkFigure(prefix + "headcount", linked.headcount(), problems);
            checkFigure(prefix + "annualTurnoverEur", linked.annualTurnoverEur(), problems);
            checkFigure(prefix + "balanceSheetTotalEur", linked.balanceSheetTotalEur(), problems);
        }
        if (profile.groupIndependenceRecognised() && !profile.hasGroup()) {
            problems.add(new FieldProblem("groupIndependenceRecognised",
                    "is true, but no partner or linked enterprises are listed; independence from a group "
                            + "(recital 16) only matters when there is one"));
        }
    }

    private static void checkEntityTypes(EntityProfile profile, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> known = new HashSet<>();
        for (int i = 0; i < profile.entityTypes().size(); i++) {
            String field = "entityTypes[" + i + "]";
            String code = profile.entityTypes().get(i);
            if (EntityTypes.byCode(code).isEmpty()) {
                problems.add(new FieldProblem(field, "unknown entity-type code '" + code + "'"
                        + closest(code).map(c -> "; did you mean '" + c + "'?").orElse("")));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(field, "'" + code + "' is listed twice"));
            } else {
                known.add(code);
            }
        }
        if (profile.qualifiedTrustServiceProvider() && !known.contains(TSP)) {
            problems.add(new FieldProblem("qualifiedTrustServiceProvider",
                    "is true, but entityTypes does not list " + TSP + "; add it or set this to false"));
        }
        checkPublicAdministration(profile, known, problems);
        boolean annexType = known.stream().map(EntityTypes::byCode).flatMap(Optional::stream)
                .anyMatch(EntityType::listedInAnnex);
        boolean optionType = known.contains(EDUCATION) || known.contains(PA_LOCAL)
                || profile.publicAdministrationLevel() != null;
        if (profile.memberStateDesignation() != null && !annexType && !optionType) {
            problems.add(new FieldProblem("memberStateDesignation", "is '" + profile.memberStateDesignation().code()
                    + "', but a Member State identifies only entities of an Annex I or II type (Art. 2(2)(b)-(e)) "
                    + "or, where it extends the scope, local public administration and education institutions "
                    + "(Art. 2(5)); entityTypes lists none"));
        }
        if (profile.formerOperatorOfEssentialServices() && !annexType) {
            problems.add(new FieldProblem("formerOperatorOfEssentialServices",
                    "is true, but entityTypes lists no Annex I or II type; operators of essential services "
                            + "under Directive (EU) 2016/1148 belong to Annex I sectors"));
        }
    }

    private static void checkPublicAdministration(EntityProfile profile, Set<String> known,
            List<FieldProblem> problems) {
        List<PublicAdministrationLevel> listed = PA_TYPE.entrySet().stream()
                .filter(entry -> known.contains(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        PublicAdministrationLevel level = profile.publicAdministrationLevel();
        if (listed.size() > 1) {
            problems.add(new FieldProblem("entityTypes", "lists public administration at more than one level ("
                    + listed.stream().map(PA_TYPE::get).toList() + "); an entity has one level"));
        } else if (listed.size() == 1 && level == null) {
            problems.add(new FieldProblem("publicAdministrationLevel", "missing; entityTypes lists "
                    + PA_TYPE.get(listed.get(0)) + ", so set it to '" + listed.get(0).code() + "'"));
        } else if (listed.size() == 1 && listed.get(0) != level) {
            problems.add(new FieldProblem("publicAdministrationLevel", "is '" + level.code()
                    + "', but entityTypes lists " + PA_TYPE.get(listed.get(0)) + " (level '" + listed.get(0).code()
                    + "')"));
        }
    }

    /** The known code nearest to a mistyped one, when it is near enough to be a likely slip. */
    static Optional<String> closest(String code) {
        // a truncated code ("digital_infra.cloud") is best answered by the code it starts
        Optional<String> completion = EntityTypes.all().stream().map(EntityType::code)
                .filter(candidate -> code.length() >= 4 && candidate.startsWith(code)).findFirst();
        if (completion.isPresent()) {
            return completion;
        }
        return EntityTypes.all().stream()
                .map(EntityType::code)
                .min(Comparator.comparingInt(candidate -> distance(code, candidate)))
                .filter(candidate -> distance(code, candidate) <= Math.max(2, candidate.length() / 4));
    }

    private static int distance(String a, String b) {
        if (a.length() > 200) {
            return Integer.MAX_VALUE; // no suggestion for absurd input; keeps the check cheap
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
