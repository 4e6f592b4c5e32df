package eu.vigil.core.nis2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds entity profiles for tests: a German entity with no types and no figures unless told. */
final class ProfileFixture {

    private String legalName = "Example GmbH";
    private String mainEstablishment = "DE";
    private List<String> otherMemberStates = new ArrayList<>();
    private BigDecimal headcount;
    private BigDecimal turnover;
    private BigDecimal balance;
    private final List<PartnerEnterprise> partners = new ArrayList<>();
    private final List<LinkedEnterprise> linked = new ArrayList<>();
    private boolean groupIndependence;
    private List<String> types = new ArrayList<>();
    private boolean qualifiedTsp;
    private PublicAdministrationLevel level;
    private MemberStateDesignation designation;
    private boolean formerOes;
    private boolean supplier;

    static ProfileFixture profile(String... types) {
        ProfileFixture fixture = new ProfileFixture();
        fixture.types = new ArrayList<>(List.of(types));
        return fixture;
    }

    /** A profile of the given types and size figures. */
    static EntityProfile sized(long staff, long turnover, long balance, String... types) {
        return profile(types).figures(staff, turnover, balance).build();
    }

    ProfileFixture figures(long staff, long turnover, long balance) {
        this.headcount = BigDecimal.valueOf(staff);
        this.turnover = BigDecimal.valueOf(turnover);
        this.balance = BigDecimal.valueOf(balance);
        return this;
    }

    ProfileFixture headcount(BigDecimal value) {
        this.headcount = value;
        return this;
    }

    ProfileFixture turnover(BigDecimal value) {
        this.turnover = value;
        return this;
    }

    ProfileFixture balance(BigDecimal value) {
        this.balance = value;
        return this;
    }

    ProfileFixture legalName(String value) {
        this.legalName = value;
        return this;
    }

    ProfileFixture mainEstablishment(String value) {
        this.mainEstablishment = value;
        return this;
    }

    ProfileFixture otherMemberStates(String... values) {
        this.otherMemberStates = new ArrayList<>(List.of(values));
        return this;
    }

    ProfileFixture partner(String name, long sharePercent, long staff, long turnover, long balance) {
        partners.add(new PartnerEnterprise(name, BigDecimal.valueOf(sharePercent), BigDecimal.valueOf(staff),
                BigDecimal.valueOf(turnover), BigDecimal.valueOf(balance)));
        return this;
    }

    ProfileFixture linked(String name, long staff, long turnover, long balance) {
        linked.add(new LinkedEnterprise(name, BigDecimal.valueOf(staff), BigDecimal.valueOf(turnover),
                BigDecimal.valueOf(balance)));
        return this;
    }

    ProfileFixture groupIndependenceRecognised() {
        this.groupIndependence = true;
        return this;
    }

    ProfileFixture qualifiedTrustServiceProvider() {
        this.qualifiedTsp = true;
        return this;
    }

    ProfileFixture publicAdministration(PublicAdministrationLevel value) {
        this.level = value;
        return this;
    }

    ProfileFixture designation(MemberStateDesignation value) {
        this.designation = value;
        return this;
    }

    ProfileFixture formerOperatorOfEssentialServices() {
        this.formerOes = true;
        return this;
    }

    ProfileFixture supplier() {
        this.supplier = true;
        return this;
    }

    EntityProfile build() {
        return new EntityProfile(legalName, mainEstablishment, otherMemberStates, headcount, turnover, balance,
                partners, linked, groupIndependence, types, qualifiedTsp, level, designation, formerOes, supplier);
    }
}
