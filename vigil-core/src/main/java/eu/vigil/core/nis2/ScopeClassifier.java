package eu.vigil.core.nis2;

import static eu.vigil.core.nis2.Classification.ESSENTIAL;
import static eu.vigil.core.nis2.Classification.IMPORTANT;
import static eu.vigil.core.nis2.Classification.OUT_OF_SCOPE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.vigil.core.nis2.EnterpriseSizing.Ceiling;
import eu.vigil.core.nis2.EnterpriseSizing.Sizing;
import eu.vigil.core.nis2.EnterpriseSizing.Truth;

/**
 * Classifies an entity under Art. 2 and 3 of Directive (EU) 2022/2555 (NIS2): essential, important
 * or out of scope, with every rule that fired and the Art. 26 jurisdiction note. A profile that
 * contradicts itself, or lacks a figure the outcome depends on, is refused with every problem
 * named; it is never classified on a guess. Stateless and thread-safe.
 */
public final class ScopeClassifier {

    private static final String TLD = "digital_infra.tld_registry";
    private static final String DNS = "digital_infra.dns_service_provider";
    private static final String ECN = "digital_infra.public_ecn";
    private static final String ECS = "digital_infra.public_ecs";
    private static final String CER = "non_annex.cer_critical_entity";
    private static final String DOMAIN_REGISTRATION = "non_annex.domain_registration_service";

    /** How a missing size figure is reported; other problems never start with it. */
    private static final String MISSING_FIGURE = "missing figure; ";

    /** Types under the jurisdiction of the main establishment (Art. 26(1)(b)). */
    private static final Set<String> MAIN_ESTABLISHMENT_TYPES = Set.of(DNS, TLD, DOMAIN_REGISTRATION,
            "digital_infra.cloud_computing", "digital_infra.data_centre", "digital_infra.cdn", "ict_b2b.msp",
            "ict_b2b.mssp", "digital_providers.online_marketplace", "digital_providers.online_search_engine",
            "digital_providers.social_networking_platform");

    /** Classifies a profile, or throws {@link InvalidProfileException} naming every problem. */
    public ScopeResult classify(EntityProfile profile) {
        Evaluation evaluation = evaluate(profile);
        if (!evaluation.problems().isEmpty()) {
            throw new InvalidProfileException(evaluation.problems());
        }
        return evaluation.result();
    }

    /** Every problem that stops the profile from being classified; empty when it can be. */
    public List<FieldProblem> problems(EntityProfile profile) {
        return evaluate(profile).problems();
    }

    private record Evaluation(ScopeResult result, List<FieldProblem> problems) {
    }

    /** A size question left open by missing figures, and the strongest outcome its answer could give. */
    private record OpenQuestion(Ceiling ceiling, Classification couldReach, String why) {
    }

    private Evaluation evaluate(EntityProfile profile) {
        List<FieldProblem> problems = new ArrayList<>(ProfileConsistency.check(profile));
        // unusable figures count as not given, so that no arithmetic runs on absurd numbers
        profile = withUsableFigures(profile);
        Set<String> codes = typeCodes(profile);
        List<EntityType> types = codes.stream().map(EntityTypes::byCode).flatMap(Optional::stream).toList();

        Sizing consolidated = EnterpriseSizing.size(EnterpriseSizing.consolidated(profile));
        Sizing standAlone = EnterpriseSizing.size(EnterpriseSizing.standAlone(profile));
        boolean useStandAlone = profile.hasGroup() && profile.groupIndependenceRecognised();
        Sizing size = useStandAlone ? standAlone : consolidated;

        Outcome outcome = new Outcome();
        for (EntityType type : types) {
            if (type.listedInAnnex()) {
                outcome.info("annex.listed", "NIS2 Art. 2(1), Annex " + type.annexReference(),
                        type.displayName() + " [" + type.code() + "] is an entity type of Annex "
                                + (type.annex() == Annex.ANNEX_I ? "I (sectors of high criticality)"
                                        : "II (other critical sectors)")
                                + ", point " + type.annexReference().substring(type.annexReference().indexOf('.') + 1)
                                + ".");
            }
        }
        sizeRules(profile, consolidated, standAlone, useStandAlone, outcome);

        sizeIndependentRules(profile, codes, outcome);
        List<OpenQuestion> open = new ArrayList<>();
        sizeDependentRules(profile, types, size, outcome, open);
        memberStateOptions(profile, codes, outcome);

        if (outcome.best == OUT_OF_SCOPE) {
            boolean anyType = types.stream().anyMatch(t -> t.listedInAnnex() || t.sizeIndependent());
            if (!anyType && !codes.contains(ProfileConsistency.PA_LOCAL) && !codes.contains(ProfileConsistency.EDUCATION)) {
                outcome.add("out_of_scope.no_annex_type", "NIS2 Art. 2(1)", "None of the entity's types is listed in "
                        + "Annex I or II, and no size-independent rule applies, so NIS2 does not apply to it.",
                        OUT_OF_SCOPE);
            }
        }
        if (profile.supplierToEssentialOrImportantEntities()) {
            outcome.info("supplier.indirect", "NIS2 Art. 21(2)(d), 21(3)", "The entity supplies essential or "
                    + "important entities. They must manage the security of each direct supplier, so expect "
                    + "security requirements in contracts, questionnaires, audits and incident-notification duties "
                    + "from them" + (outcome.best == OUT_OF_SCOPE ? "." : ", on top of the entity's own duties."));
        }

        for (OpenQuestion question : open) {
            if (question.couldReach().compareTo(outcome.best) > 0) {
                for (String field : EnterpriseSizing.missingFor(size.figures(), question.ceiling())) {
                    problems.add(new FieldProblem(field, missingFigure(field, question)));
                }
            }
        }
        problems = distinct(problems);
        Set<String> faulty = new java.util.HashSet<>();
        problems.stream().filter(p -> !isMissingFigure(p)).forEach(p -> faulty.add(p.field()));
        problems.removeIf(p -> isMissingFigure(p) && faulty.contains(p.field()));
        Jurisdiction jurisdiction = jurisdiction(profile, types, outcome.best, codes);
        ScopeResult result = new ScopeResult(outcome.best, profile.supplierToEssentialOrImportantEntities(),
                size.sizeClass(), profile.hasGroup() ? standAlone.sizeClass() : null, outcome.rules, jurisdiction);
        return new Evaluation(result, problems);
    }

    private static EntityProfile withUsableFigures(EntityProfile p) {
        List<PartnerEnterprise> partners = new ArrayList<>();
        for (int i = 0; i < p.partnerEnterprises().size(); i++) {
            PartnerEnterprise e = p.partnerEnterprises().get(i);
            String prefix = "partnerEnterprises[" + i + "].";
            BigDecimal share = e.sharePercent() == null || e.sharePercent().signum() < 0
                    || e.sharePercent().compareTo(BigDecimal.valueOf(100)) > 0
                    || e.sharePercent().stripTrailingZeros().scale() > 4 ? null : e.sharePercent();
            partners.add(new PartnerEnterprise(e.name(), share, usable(prefix + "headcount", e.headcount()),
                    usable(prefix + "annualTurnoverEur", e.annualTurnoverEur()),
                    usable(prefix + "balanceSheetTotalEur", e.balanceSheetTotalEur())));
        }
        List<LinkedEnterprise> linked = new ArrayList<>();
        for (int i = 0; i < p.linkedEnterprises().size(); i++) {
            LinkedEnterprise e = p.linkedEnterprises().get(i);
            String prefix = "linkedEnterprises[" + i + "].";
            linked.add(new LinkedEnterprise(e.name(), usable(prefix + "headcount", e.headcount()),
                    usable(prefix + "annualTurnoverEur", e.annualTurnoverEur()),
                    usable(prefix + "balanceSheetTotalEur", e.balanceSheetTotalEur())));
        }
        return new EntityProfile(p.legalName(), p.mainEstablishment(), p.otherMemberStates(),
                usable("headcount", p.headcount()), usable("annualTurnoverEur", p.annualTurnoverEur()),
                usable("balanceSheetTotalEur", p.balanceSheetTotalEur()), partners, linked,
                p.groupIndependenceRecognised(), p.entityTypes(), p.qualifiedTrustServiceProvider(),
                p.publicAdministrationLevel(), p.memberStateDesignation(), p.formerOperatorOfEssentialServices(),
                p.supplierToEssentialOrImportantEntities());
    }

    private static BigDecimal usable(String field, BigDecimal value) {
        return ProfileConsistency.figureProblem(field, value).isPresent() ? null : value;
    }

    /** Known type codes, plus the public administration type the level stands for. */
    private static Set<String> typeCodes(EntityProfile profile) {
        Set<String> codes = new LinkedHashSet<>();
        profile.entityTypes().stream().filter(code -> EntityTypes.byCode(code).isPresent()).forEach(codes::add);
        if (profile.publicAdministrationLevel() != null) {
            codes.add(ProfileConsistency.PA_TYPE.get(profile.publicAdministrationLevel()));
        }
        return codes;
    }

    private static void sizeRules(EntityProfile profile, Sizing consolidated, Sizing standAlone,
            boolean useStandAlone, Outcome outcome) {
        if (profile.hasGroup()) {
            String group = groupDescription(profile);
            if (useStandAlone) {
                outcome.info("size.group_independence", "NIS2 recital 16",
                        "The Member State took account of the entity's independence from " + group
                                + " in its network and information systems and services, so its own figures decide "
                                + "its size. With the group's figures it would be "
                                + Optional.ofNullable(consolidated.sizeClass()).map(SizeClass::code)
                                        .orElse("of undetermined size")
                                + ".");
            } else {
                outcome.info("size.partner_linked", "Recommendation 2003/361/EC, Annex Art. 3 and 6(2)",
                        "The size counts " + group + ": " + EnterpriseSizing.describe(consolidated.figures())
                                + " together. On its own figures the entity would be "
                                + Optional.ofNullable(standAlone.sizeClass()).map(SizeClass::code)
                                        .orElse("of undetermined size")
                                + ".");
            }
        }
        Sizing used = useStandAlone ? standAlone : consolidated;
        if (used.sizeClass() != null || used.atLeastMedium() != Truth.UNKNOWN) {
            outcome.info("size.class", "Recommendation 2003/361/EC, Annex Art. 2; NIS2 Art. 2(1)",
                    EnterpriseSizing.explain(used));
        }
    }

    private static String groupDescription(EntityProfile profile) {
        List<String> parts = new ArrayList<>();
        for (PartnerEnterprise partner : profile.partnerEnterprises()) {
            parts.add(Optional.ofNullable(partner.sharePercent()).map(EnterpriseSizing::plain).orElse("?")
                    + " % of partner " + partner.name());
        }
        for (LinkedEnterprise linked : profile.linkedEnterprises()) {
            parts.add("all of linked enterprise " + linked.name());
        }
        return "its own figures plus " + String.join(", ", parts);
    }

    private static void sizeIndependentRules(EntityProfile profile, Set<String> codes, Outcome outcome) {
        if (codes.contains(CER)) {
            outcome.info("size_indep.cer_critical_entity", "NIS2 Art. 2(3)", "The entity is a critical entity "
                    + "identified under Directive (EU) 2022/2557 (CER), which brings it into scope whatever its size.");
            outcome.add("essential.cer_critical_entity", "NIS2 Art. 3(1)(f)",
                    "Critical entities under the CER Directive are essential entities.", ESSENTIAL);
        }
        if (profile.memberStateDesignation() == MemberStateDesignation.ESSENTIAL && hasAnnexType(codes)) {
            outcome.info("size_indep.member_state_identification", "NIS2 Art. 2(2)(b)-(e)", "A Member State "
                    + "identified the entity (sole provider of an essential service, or one whose disruption would "
                    + "hit public safety, security or health, cause systemic risk or matter nationally or "
                    + "regionally), which brings it into scope whatever its size.");
            outcome.add("essential.member_state_identified", "NIS2 Art. 3(1)(e)",
                    "The Member State identified the entity as essential.", ESSENTIAL);
        }
        if (profile.formerOperatorOfEssentialServices()) {
            outcome.add("essential.former_oes", "NIS2 Art. 3(1)(g)", "The entity was identified as an operator of "
                    + "essential services under Directive (EU) 2016/1148 before 16 January 2023, and its Member "
                    + "State keeps such operators essential.", ESSENTIAL);
        }
        if (profile.qualifiedTrustServiceProvider() && codes.contains(ProfileConsistency.TSP)) {
            outcome.info("size_indep.tsp", "NIS2 Art. 2(2)(a)(ii)",
                    "Trust service providers are in scope whatever their size.");
            outcome.add("essential.qtsp_tld_dns", "NIS2 Art. 3(1)(b)",
                    "Qualified trust service providers are essential entities whatever their size.", ESSENTIAL);
        }
        if (codes.contains(TLD)) {
            outcome.info("size_indep.tld_registry", "NIS2 Art. 2(2)(a)(iii)",
                    "Top-level domain name registries are in scope whatever their size.");
            outcome.add("essential.qtsp_tld_dns", "NIS2 Art. 3(1)(b)",
                    "Top-level domain name registries are essential entities whatever their size.", ESSENTIAL);
        }
        if (codes.contains(DNS)) {
            outcome.info("size_indep.dns_provider", "NIS2 Art. 2(2)(a)(iii)",
                    "DNS service providers (other than root name server operators) are in scope whatever their size.");
            outcome.add("essential.qtsp_tld_dns", "NIS2 Art. 3(1)(b)",
                    "DNS service providers are essential entities whatever their size.", ESSENTIAL);
        }
        if (codes.contains(ProfileConsistency.PA_CENTRAL)) {
            outcome.info("size_indep.pa_central", "NIS2 Art. 2(2)(f)(i)", "Public administration entities of "
                    + "central government, as the Member State defines them, are in scope whatever their size "
                    + "(not the judiciary, parliaments or central banks, Art. 6(35)).");
            outcome.add("essential.central_public_administration", "NIS2 Art. 3(1)(d)",
                    "Central government public administration entities are essential entities.", ESSENTIAL);
        }
        if (codes.contains(ProfileConsistency.PA_REGIONAL)) {
            outcome.info("size_indep.pa_regional", "NIS2 Art. 2(2)(f)(ii)", "Regional public administration "
                    + "entities are in scope whatever their size where the Member State's risk-based assessment "
                    + "finds that a disruption of their services could significantly affect critical societal or "
                    + "economic activities; this classification assumes it did.");
            outcome.add("important.regional_public_administration", "NIS2 Art. 3(2)", "A regional public "
                    + "administration entity in scope is important unless its Member State identifies it as "
                    + "essential.", IMPORTANT);
        }
        if (codes.contains(DOMAIN_REGISTRATION)) {
            outcome.info("size_indep.domain_registration", "NIS2 Art. 2(4), 3(3), 27, 28", "Domain name "
                    + "registration services are covered whatever their size, but only for registration duties: "
                    + "they go on the Member State's list (Art. 3(3)) and ENISA's registry (Art. 27) and keep "
                    + "accurate registration data (Art. 28). That alone does not make them essential or important.");
        }
        if (profile.memberStateDesignation() == MemberStateDesignation.IMPORTANT && hasAnnexType(codes)) {
            outcome.info("size_indep.member_state_identification", "NIS2 Art. 2(2)(b)-(e)", "A Member State "
                    + "identified the entity, which brings it into scope whatever its size.");
            outcome.add("important.member_state_identified", "NIS2 Art. 3(2)",
                    "The Member State identified the entity as important.", IMPORTANT);
        }
    }

    private static boolean hasAnnexType(Set<String> codes) {
        return codes.stream().map(EntityTypes::byCode).flatMap(Optional::stream).anyMatch(EntityType::listedInAnnex);
    }

    private static void sizeDependentRules(EntityProfile profile, List<EntityType> types, Sizing size,
            Outcome outcome, List<OpenQuestion> open) {
        Truth medium = size.atLeastMedium();
        Truth large = size.large();
        for (EntityType type : types) {
            String code = type.code();
            if (!type.listedInAnnex() || type.essentialRegardlessOfSize() || code.equals(ProfileConsistency.PA_REGIONAL)) {
                continue; // decided without the size, above
            }
            boolean communications = code.equals(ECN) || code.equals(ECS);
            boolean trustServices = code.equals(ProfileConsistency.TSP);
            if (communications) {
                outcome.info(code.equals(ECN) ? "size_indep.public_ecn" : "size_indep.public_ecs",
                        "NIS2 Art. 2(2)(a)(i)", type.displayName() + "s are in scope whatever their size.");
                if (medium == Truth.YES && large != Truth.YES) {
                    outcome.add("essential.medium_ecn_ecs", large == Truth.NO ? "NIS2 Art. 3(1)(c)"
                            : "NIS2 Art. 3(1)(a) or (c)", "Providers of public electronic communications networks or "
                            + "services that are medium-sized or larger are essential entities.", ESSENTIAL);
                } else if (medium == Truth.NO) {
                    outcome.add("important.small_ecn_ecs_tsp", "NIS2 Art. 2(2)(a), 3(2)", "Below medium size a "
                            + type.displayName().toLowerCase(java.util.Locale.ROOT)
                            + " is still in scope, as an important entity.", IMPORTANT);
                } else if (medium == Truth.UNKNOWN) {
                    outcome.raise(IMPORTANT);
                    open.add(new OpenQuestion(Ceiling.SMALL, ESSENTIAL, type.displayName()
                            + " is essential from medium size (Art. 3(1)(c)) and important below it"));
                }
            } else if (trustServices && !profile.qualifiedTrustServiceProvider()) {
                outcome.info("size_indep.tsp", "NIS2 Art. 2(2)(a)(ii)",
                        "Trust service providers are in scope whatever their size.");
                if (large != Truth.YES && large != Truth.UNKNOWN) {
                    outcome.add("important.small_ecn_ecs_tsp", "NIS2 Art. 2(2)(a), 3(2)", "A non-qualified trust "
                            + "service provider that does not exceed the medium-sized ceilings is an important "
                            + "entity.", IMPORTANT);
                } else if (large == Truth.UNKNOWN) {
                    outcome.raise(IMPORTANT);
                    open.add(new OpenQuestion(Ceiling.MEDIUM, ESSENTIAL, "a non-qualified trust service provider is "
                            + "essential when it exceeds the medium-sized ceilings (Art. 3(1)(a))"));
                }
            } else if (trustServices) {
                continue; // qualified: essential, above
            } else if (medium == Truth.NO) {
                outcome.add("out_of_scope.below_size_cap", "NIS2 Art. 2(1)", type.displayName() + " [" + code
                        + "] counts only from medium size, and the entity is micro or small.", OUT_OF_SCOPE);
            } else if (medium == Truth.UNKNOWN) {
                open.add(new OpenQuestion(Ceiling.SMALL, type.annex() == Annex.ANNEX_I ? ESSENTIAL : IMPORTANT,
                        type.displayName() + " [" + code + "] is in scope only from medium size (Art. 2(1))"));
                if (type.annex() == Annex.ANNEX_I && large == Truth.UNKNOWN) {
                    open.add(new OpenQuestion(Ceiling.MEDIUM, ESSENTIAL, type.displayName() + " [" + code
                            + "] is essential when the entity exceeds the medium-sized ceilings (Art. 3(1)(a))"));
                }
            }
            if (!(trustServices && profile.qualifiedTrustServiceProvider()) && medium == Truth.YES) {
                if (type.annex() == Annex.ANNEX_I && large == Truth.YES) {
                    outcome.add("essential.large_annex_i", "NIS2 Art. 3(1)(a)", type.displayName() + " [" + code
                            + "] is an Annex I type and the entity exceeds the medium-sized ceilings.", ESSENTIAL);
                } else if (type.annex() == Annex.ANNEX_I && large == Truth.UNKNOWN) {
                    outcome.raise(IMPORTANT);
                    open.add(new OpenQuestion(Ceiling.MEDIUM, ESSENTIAL, type.displayName() + " [" + code
                            + "] is essential when the entity exceeds the medium-sized ceilings (Art. 3(1)(a))"));
                } else if (!communications) {
                    outcome.add("important.size_cap", "NIS2 Art. 2(1), 3(2)", type.displayName() + " [" + code
                            + "] is an Annex " + (type.annex() == Annex.ANNEX_I ? "I" : "II") + " type and the entity "
                            + "is " + (type.annex() == Annex.ANNEX_I ? "medium-sized" : "medium-sized or larger")
                            + ", so it is an important entity.", IMPORTANT);
                }
            }
        }
    }

    private static void memberStateOptions(EntityProfile profile, Set<String> codes, Outcome outcome) {
        MemberStateDesignation designation = profile.memberStateDesignation();
        if (codes.contains(ProfileConsistency.PA_LOCAL)) {
            memberStateOption(designation, outcome, "ms_option.public_admin_local", "NIS2 Art. 2(5)(a)",
                    "Local public administration entities");
        }
        if (codes.contains(ProfileConsistency.EDUCATION)) {
            memberStateOption(designation, outcome, "ms_option.education_institution", "NIS2 Art. 2(5)(b)",
                    "Education institutions (in particular those carrying out critical research)");
        }
    }

    private static void memberStateOption(MemberStateDesignation designation, Outcome outcome, String id,
            String article, String who) {
        if (designation == null) {
            outcome.info(id, article, who + " are covered only where the Member State extends the Directive to "
                    + "them; the profile gives no such designation, so they stay out of scope.");
        } else {
            outcome.add(id, article, who + " are covered where the Member State extends the Directive to them; it "
                    + "did, and designated the entity as " + designation.code() + ".",
                    designation == MemberStateDesignation.ESSENTIAL ? ESSENTIAL : IMPORTANT);
        }
    }

    private static Jurisdiction jurisdiction(EntityProfile profile, List<EntityType> types, Classification best,
            Set<String> codes) {
        String main = profile.mainEstablishment();
        if (best == OUT_OF_SCOPE && !codes.contains(DOMAIN_REGISTRATION)) {
            return new Jurisdiction(List.of(), List.of(AppliedRule.info("jurisdiction.not_applicable", "NIS2 Art. 26",
                    "NIS2 does not apply to the entity, so no Member State supervises it under the Directive.")));
        }
        Set<String> states = new LinkedHashSet<>();
        List<AppliedRule> rules = new ArrayList<>();
        boolean general = false;
        List<String> communications = types.stream().map(EntityType::code)
                .filter(code -> code.equals(ECN) || code.equals(ECS)).toList();
        if (!communications.isEmpty()) {
            states.add(main);
            states.addAll(profile.otherMemberStates());
            rules.add(AppliedRule.info("jurisdiction.where_services_provided", "NIS2 Art. 26(1)(a)",
                    "Providers of public electronic communications networks or services fall under every Member "
                            + "State where they provide their services: " + String.join(", ", states) + "."));
        }
        List<String> mainEstablishmentTypes = types.stream().map(EntityType::code)
                .filter(MAIN_ESTABLISHMENT_TYPES::contains).toList();
        if (!mainEstablishmentTypes.isEmpty()) {
            states.add(main);
            rules.add(AppliedRule.info("jurisdiction.main_establishment", "NIS2 Art. 26(1)(b), 26(2)",
                    "For " + String.join(", ", mainEstablishmentTypes) + " only the Member State of the main "
                            + "establishment in the Union has jurisdiction (" + main + "). The main establishment is "
                            + "where cybersecurity risk-management decisions are mainly taken; failing that, where "
                            + "cybersecurity operations are carried out; failing that, the establishment with the "
                            + "most employees in the Union."));
        }
        if (profile.publicAdministrationLevel() != null) {
            states.add(main);
            rules.add(AppliedRule.info("jurisdiction.establishing_state", "NIS2 Art. 26(1)(c)",
                    "A public administration entity falls under the Member State that established it (" + main + ")."));
        }
        for (EntityType type : types) {
            boolean special = communications.contains(type.code()) || MAIN_ESTABLISHMENT_TYPES.contains(type.code())
                    || ProfileConsistency.PA_TYPE.containsValue(type.code());
            general |= !special;
        }
        if (general || rules.isEmpty()) {
            states.add(main);
            rules.add(AppliedRule.info("jurisdiction.establishment", "NIS2 Art. 26(1)", "The entity falls under "
                    + "the Member State where it is established (" + main + "); an establishment in another Member "
                    + "State falls under that Member State as well."));
        }
        states.remove(null);
        return new Jurisdiction(List.copyOf(states), rules);
    }

    private static String missingFigure(String field, OpenQuestion question) {
        String what = MISSING_FIGURE + (field.endsWith("headcount") ? "give the staff in annual work units"
                : "give the annual turnover or the balance-sheet total (one of them is enough when it is "
                        + "within the ceiling)");
        String ceiling = question.ceiling() == Ceiling.SMALL ? "whether the entity is medium-sized or larger"
                : "whether the entity exceeds the medium-sized ceilings";
        return what + ". It is needed to settle " + ceiling + ": " + question.why() + ".";
    }

    private static boolean isMissingFigure(FieldProblem problem) {
        return problem.problem().startsWith(MISSING_FIGURE);
    }

    private static List<FieldProblem> distinct(List<FieldProblem> problems) {
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            byField.putIfAbsent(problem.field() + "\u0000" + problem.problem(), problem);
        }
        // one message per field for missing figures: keep the first reason given
        Map<String, FieldProblem> firstMissing = new LinkedHashMap<>();
        List<FieldProblem> result = new ArrayList<>();
        for (FieldProblem problem : byField.values()) {
            if (isMissingFigure(problem)) {
                if (firstMissing.putIfAbsent(problem.field(), problem) == null) {
                    result.add(problem);
                }
            } else {
                result.add(problem);
            }
        }
        return result;
    }

    /** The rules that fired, in order, and the strongest classification among them. */
    private static final class Outcome {
        final List<AppliedRule> rules = new ArrayList<>();
        Classification best = OUT_OF_SCOPE;

        void info(String id, String article, String explanation) {
            boolean seen = rules.stream().anyMatch(rule -> rule.id().equals(id) && rule.explanation().equals(explanation));
            if (!seen) {
                rules.add(AppliedRule.info(id, article, explanation));
            }
        }

        void add(String id, String article, String explanation, Classification classification) {
            boolean seen = rules.stream().anyMatch(rule -> rule.id().equals(id) && rule.explanation().equals(explanation));
            if (!seen) {
                rules.add(new AppliedRule(id, article, explanation, classification));
            }
            raise(classification);
        }

        void raise(Classification classification) {
            if (classification.compareTo(best) > 0) {
                best = classification;
            }
        }
    }
}
