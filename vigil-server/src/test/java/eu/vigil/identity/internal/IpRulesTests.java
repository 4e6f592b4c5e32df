package eu.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import eu.vigil.identity.internal.IpRules.Rule;
import eu.vigil.identity.internal.IpRules.Scope;
import eu.vigil.identity.internal.IpRules.Verdict;
import org.junit.jupiter.api.Test;

class IpRulesTests {

    private static Rule rule(Scope scope, String block) {
        return new Rule(0, scope, Cidr.parse(block), null, false);
    }

    @Test
    void cidrBlocksMatchAddressesInsideThemOnly() {
        Cidr block = Cidr.parse("192.168.10.0/23");
        assertThat(block.contains("192.168.10.1")).isTrue();
        assertThat(block.contains("192.168.11.254")).isTrue();
        assertThat(block.contains("192.168.12.1")).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db9::5")).isFalse();
        assertThat(Cidr.parse("10.1.2.3").contains("10.1.2.3")).isTrue();
        assertThat(Cidr.parse("10.1.2.3").contains("10.1.2.4")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains("::1")).isFalse();
    }

    @Test
    void cidrRefusesHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> Cidr.parse("example.com")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Cidr.parse("300.1.1.1")).hasMessageContaining("not a valid address");
        assertThatThrownBy(() -> Cidr.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void denyWinsThenAllowListThenAdministrationList() {
        List<Rule> rules = List.of(rule(Scope.ALLOW, "10.0.0.0/8"), rule(Scope.DENY, "10.6.6.0/24"),
                rule(Scope.ADMIN_ALLOW, "10.1.0.0/16"));
        assertThat(IpRules.judge(rules, "10.6.6.6", false)).isEqualTo(Verdict.DENIED_LISTED);
        assertThat(IpRules.judge(rules, "192.0.2.1", false)).isEqualTo(Verdict.DENIED_NOT_ALLOWED);
        assertThat(IpRules.judge(rules, "10.2.0.1", false)).isEqualTo(Verdict.ALLOWED);
        assertThat(IpRules.judge(rules, "10.2.0.1", true)).isEqualTo(Verdict.DENIED_NOT_ADMIN);
        assertThat(IpRules.judge(rules, "10.1.0.1", true)).isEqualTo(Verdict.ALLOWED);
        assertThat(IpRules.judge(List.of(), "198.51.100.1", true)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void lockoutGrowsFromTheFifthFailureAndStopsAtADay() {
        assertThat(LoginMonitor.lockFor(4, 5)).isZero();
        assertThat(LoginMonitor.lockFor(5, 5)).hasMinutes(1);
        assertThat(LoginMonitor.lockFor(6, 5)).hasMinutes(2);
        assertThat(LoginMonitor.lockFor(8, 5)).hasMinutes(8);
        assertThat(LoginMonitor.lockFor(40, 5)).hasHours(24);
    }
}
