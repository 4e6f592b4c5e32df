package eu.vigil.core.nis2;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The size class of Commission Recommendation 2003/361/EC: the staff ceiling must be respected,
 * and of the two financial ceilings one is enough. Works with incomplete figures: a comparison
 * whose figure is missing is {@link Truth#UNKNOWN}, so that the classifier can tell whether the
 * missing figure matters.
 */
final class EnterpriseSizing {

    /** Three-valued answer to a size question. */
    enum Truth {
        YES, NO, UNKNOWN;

        Truth not() {
            return this == YES ? NO : this == NO ? YES : UNKNOWN;
        }

        static Truth of(boolean value) {
            return value ? YES : NO;
        }

        static Truth and(Truth a, Truth b) {
            if (a == NO || b == NO) {
                return NO;
            }
            return a == YES && b == YES ? YES : UNKNOWN;
        }

        static Truth or(Truth a, Truth b) {
            if (a == YES || b == YES) {
                return YES;
            }
            return a == NO && b == NO ? NO : UNKNOWN;
        }
    }

    /** The ceilings of one class: fewer than {@code staffBelow}, and turnover or balance sheet at most. */
    enum Ceiling {
        MICRO(SizeClass.MICRO, 10, 2_000_000L, 2_000_000L),
        SMALL(SizeClass.SMALL, 50, 10_000_000L, 10_000_000L),
        MEDIUM(SizeClass.MEDIUM, 250, 50_000_000L, 43_000_000L);

        final SizeClass sizeClass;
        final BigDecimal staffBelow;
        final BigDecimal turnoverAtMost;
        final BigDecimal balanceAtMost;

        Ceiling(SizeClass sizeClass, long staffBelow, long turnoverAtMost, long balanceAtMost) {
            this.sizeClass = sizeClass;
            this.staffBelow = BigDecimal.valueOf(staffBelow);
            this.turnoverAtMost = BigDecimal.valueOf(turnoverAtMost);
            this.balanceAtMost = BigDecimal.valueOf(balanceAtMost);
        }
    }

    /** One figure, or {@code null} with the fields whose absence left it unknown. */
    record Figure(BigDecimal value, List<String> missingFields) {
    }

    /** The three figures that decide the size. */
    record Figures(Figure headcount, Figure turnover, Figure balance) {
    }

    /**
     * The result: the exact class when the figures decide it, and the two questions NIS2 asks.
     *
     * @param sizeClass the class, or {@code null} when missing figures leave it open
     * @param atLeastMedium meets the size cap of Art. 2(1)
     * @param large exceeds the medium-sized ceilings (Art. 3(1)(a))
     */
    record Sizing(SizeClass sizeClass, Truth atLeastMedium, Truth large, Figures figures) {
    }

    private EnterpriseSizing() {
    }

    /** The entity's own figures, ignoring partners and linked enterprises. */
    static Figures standAlone(EntityProfile profile) {
        return new Figures(own(profile.headcount(), "headcount"),
                own(profile.annualTurnoverEur(), "annualTurnoverEur"),
                own(profile.balanceSheetTotalEur(), "balanceSheetTotalEur"));
    }

    /** Own figures plus partner figures pro rata and linked figures in full (Annex Art. 6(2)). */
    static Figures consolidated(EntityProfile profile) {
        return new Figures(
                sum(profile, "headcount", EntityProfile::headcount, PartnerEnterprise::headcount,
                        LinkedEnterprise::headcount),
                sum(profile, "annualTurnoverEur", EntityProfile::annualTurnoverEur,
                        PartnerEnterprise::annualTurnoverEur, LinkedEnterprise::annualTurnoverEur),
                sum(profile, "balanceSheetTotalEur", EntityProfile::balanceSheetTotalEur,
                        PartnerEnterprise::balanceSheetTotalEur, LinkedEnterprise::balanceSheetTotalEur));
    }

    static Sizing size(Figures figures) {
        SizeClass exact = null;
        for (Ceiling ceiling : Ceiling.values()) {
            Truth fits = fits(figures, ceiling);
            if (fits == Truth.YES) {
                exact = ceiling.sizeClass;
                break;
            }
            if (fits == Truth.UNKNOWN) {
                break;
            }
            if (ceiling == Ceiling.MEDIUM) {
                exact = SizeClass.LARGE;
            }
        }
        return new Sizing(exact, fits(figures, Ceiling.SMALL).not(), fits(figures, Ceiling.MEDIUM).not(), figures);
    }

    static Truth fits(Figures figures, Ceiling ceiling) {
        Truth staff = below(figures.headcount().value(), ceiling.staffBelow);
        Truth money = Truth.or(atMost(figures.turnover().value(), ceiling.turnoverAtMost),
                atMost(figures.balance().value(), ceiling.balanceAtMost));
        return Truth.and(staff, money);
    }

    /** The fields whose absence leaves {@code fits(ceiling)} open: staff, money or both. */
    static List<String> missingFor(Figures figures, Ceiling ceiling) {
        List<String> missing = new ArrayList<>();
        if (below(figures.headcount().value(), ceiling.staffBelow) == Truth.UNKNOWN) {
            missing.addAll(figures.headcount().missingFields());
        }
        Truth money = Truth.or(atMost(figures.turnover().value(), ceiling.turnoverAtMost),
                atMost(figures.balance().value(), ceiling.balanceAtMost));
        if (money == Truth.UNKNOWN) {
            missing.addAll(figures.turnover().missingFields());
            missing.addAll(figures.balance().missingFields());
        }
        return missing;
    }

    /** Why the figures give this class, in plain words. */
    static String explain(Sizing sizing) {
        Figures f = sizing.figures();
        String figures = describe(f);
        if (sizing.sizeClass() == null) {
            if (sizing.atLeastMedium() == Truth.NO) {
                return "Micro or small enterprise (" + figures + "): fewer than 50 staff and turnover or "
                        + "balance-sheet total at most EUR 10 million; the missing figures leave open which of the two.";
            }
            return "The size class cannot be settled from the figures given (" + figures + ").";
        }
        return switch (sizing.sizeClass()) {
            case MICRO -> "Micro enterprise (" + figures + "): fewer than 10 staff and turnover or balance-sheet "
                    + "total at most EUR 2 million.";
            case SMALL -> "Small enterprise (" + figures + "): fewer than 50 staff and turnover or balance-sheet "
                    + "total at most EUR 10 million, but " + whyNot(f, Ceiling.MICRO) + ".";
            case MEDIUM -> "Medium-sized enterprise (" + figures + "): fewer than 250 staff and turnover at most "
                    + "EUR 50 million or balance-sheet total at most EUR 43 million, but " + whyNot(f, Ceiling.SMALL)
                    + ".";
            case LARGE -> "Large enterprise (" + figures + "): it exceeds the medium-sized ceilings because "
                    + whyNot(f, Ceiling.MEDIUM) + ".";
        };
    }

    static String describe(Figures f) {
        return Optional.ofNullable(f.headcount().value()).map(v -> plain(v) + " staff").orElse("staff not given")
                + ", " + Optional.ofNullable(f.turnover().value()).map(v -> "turnover " + euros(v))
                        .orElse("turnover not given")
                + ", " + Optional.ofNullable(f.balance().value()).map(v -> "balance-sheet total " + euros(v))
                        .orElse("balance-sheet total not given");
    }

    static String euros(BigDecimal value) {
        return "EUR " + String.format(java.util.Locale.ROOT, "%,.0f", value).replace(',', ' ');
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String whyNot(Figures f, Ceiling ceiling) {
        if (below(f.headcount().value(), ceiling.staffBelow) == Truth.NO) {
            return "its " + plain(f.headcount().value()) + " staff reach the ceiling of " + plain(ceiling.staffBelow);
        }
        return "both turnover and balance-sheet total exceed their ceilings of " + euros(ceiling.turnoverAtMost)
                + " and " + euros(ceiling.balanceAtMost);
    }

    private static Truth below(BigDecimal value, BigDecimal ceiling) {
        return value == null ? Truth.UNKNOWN : Truth.of(value.compareTo(ceiling) < 0);
    }

    private static Truth atMost(BigDecimal value, BigDecimal ceiling) {
        return value == null ? Truth.UNKNOWN : Truth.of(value.compareTo(ceiling) <= 0);
    }

    private static Figure own(BigDecimal value, String field) {
        return new Figure(value, value == null ? List.of(field) : List.of());
    }

    private static Figure sum(EntityProfile profile, String field, Function<EntityProfile, BigDecimal> ownValue,
            Function<PartnerEnterprise, BigDecimal> partnerValue, Function<LinkedEnterprise, BigDecimal> linkedValue) {
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal own = ownValue.apply(profile);
        if (own == null) {
            missing.add(field);
        } else {
            total = total.add(own);
        }
        for (int i = 0; i < profile.partnerEnterprises().size(); i++) {
            PartnerEnterprise partner = profile.partnerEnterprises().get(i);
            BigDecimal value = partnerValue.apply(partner);
            if (value == null || partner.sharePercent() == null) {
                missing.add("partnerEnterprises[" + i + "]." + (value == null ? field : "sharePercent"));
            } else {
                total = total.add(value.multiply(partner.sharePercent()).divide(BigDecimal.valueOf(100),
                        MathContext.DECIMAL64));
            }
        }
        for (int i = 0; i < profile.linkedEnterprises().size(); i++) {
            BigDecimal value = linkedValue.apply(profile.linkedEnterprises().get(i));
            if (value == null) {
                missing.add("linkedEnterprises[" + i + "]." + field);
            } else {
                total = total.add(value);
            }
        }
        return new Figure(missing.isEmpty() ? total : null, List.copyOf(missing));
    }
}
