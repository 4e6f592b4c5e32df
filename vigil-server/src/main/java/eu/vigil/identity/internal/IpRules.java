package eu.vigil.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The IP filter's lists: addresses denied everywhere, addresses allowed everywhere (none listed:
 * all allowed), and addresses allowed to reach administration (none listed: all that pass the
 * first two). Lists come from the database (the admin page) and from settings
 * ({@code vigil.ip.allow}, {@code vigil.ip.deny}, {@code vigil.ip.admin-allow}); they are
 * re-read every few seconds so that all nodes of a cluster agree soon after a change.
 */
@Component
public class IpRules {

    public enum Scope { ALLOW, DENY, ADMIN_ALLOW }

    public record Rule(long id, Scope scope, Cidr block, String note, boolean fromSettings) {
    }

    public enum Verdict { ALLOWED, DENIED_LISTED, DENIED_NOT_ALLOWED, DENIED_NOT_ADMIN }

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<Rule> configured;
    private volatile List<Rule> cached;
    private volatile Instant loadedAt = Instant.MIN;

    IpRules(JdbcClient jdbc, Clock clock,
            @Value("${vigil.ip.allow:}") String allow,
            @Value("${vigil.ip.deny:}") String deny,
            @Value("${vigil.ip.admin-allow:}") String adminAllow) {
        this.jdbc = jdbc;
        this.clock = clock;
        List<Rule> rules = new ArrayList<>();
        addConfigured(rules, Scope.ALLOW, allow);
        addConfigured(rules, Scope.DENY, deny);
        addConfigured(rules, Scope.ADMIN_ALLOW, adminAllow);
        this.configured = List.copyOf(rules);
    }

    private static void addConfigured(List<Rule> rules, Scope scope, String list) {
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(block -> rules.add(new Rule(0, scope, Cidr.parse(block), "from settings", true)));
    }

    public List<Rule> all() {
        Instant now = clock.instant();
        List<Rule> rules = cached;
        if (rules == null || loadedAt.plus(REFRESH).isBefore(now)) {
            List<Rule> loaded = new ArrayList<>(configured);
            loaded.addAll(jdbc.sql("SELECT id, scope, cidr, note FROM ip_rule ORDER BY scope, id")
                    .query((rs, i) -> new Rule(rs.getLong("id"), Scope.valueOf(rs.getString("scope")),
                            Cidr.parse(rs.getString("cidr")), rs.getString("note"), false))
                    .list());
            rules = List.copyOf(loaded);
            cached = rules;
            loadedAt = now;
        }
        return rules;
    }

    public Verdict judge(String address, boolean administration) {
        return judge(all(), address, administration);
    }

    static Verdict judge(List<Rule> rules, String address, boolean administration) {
        boolean anyAllow = false;
        boolean allowed = false;
        boolean anyAdmin = false;
        boolean admin = false;
        for (Rule rule : rules) {
            boolean match = rule.block().contains(address);
            switch (rule.scope()) {
                case DENY -> {
                    if (match) {
                        return Verdict.DENIED_LISTED;
                    }
                }
                case ALLOW -> {
                    anyAllow = true;
                    allowed |= match;
                }
                case ADMIN_ALLOW -> {
                    anyAdmin = true;
                    admin |= match;
                }
            }
        }
        if (anyAllow && !allowed) {
            return Verdict.DENIED_NOT_ALLOWED;
        }
        if (administration && anyAdmin && !admin) {
            return Verdict.DENIED_NOT_ADMIN;
        }
        return Verdict.ALLOWED;
    }

    /**
     * Adds a rule, unless it would shut out the administrator making the change: the address of
     * the request must still reach administration afterwards.
     */
    public Rule add(Scope scope, String block, String note, String createdBy, String requestAddress) {
        Cidr cidr = Cidr.parse(block);
        List<Rule> after = new ArrayList<>(all());
        after.add(new Rule(0, scope, cidr, note, false));
        if (judge(after, requestAddress, true) != Verdict.ALLOWED) {
            throw new IllegalArgumentException("This rule would lock out your own address (" + requestAddress
                    + ") from administration. Add your address to the allow lists first.");
        }
        jdbc.sql("INSERT INTO ip_rule (scope, cidr, note, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .param(scope.name()).param(cidr.text()).param(note).param(UserAccounts.at(clock.instant()))
                .param(createdBy).update();
        cached = null;
        return after.getLast();
    }

    /** Removes a stored rule, with the same protection against locking oneself out. */
    public boolean remove(long id, String requestAddress) {
        List<Rule> after = new ArrayList<>(all());
        boolean present = after.removeIf(rule -> !rule.fromSettings() && rule.id() == id);
        if (!present) {
            return false;
        }
        if (judge(after, requestAddress, true) != Verdict.ALLOWED) {
            throw new IllegalArgumentException("Removing this rule would lock out your own address (" + requestAddress
                    + ") from administration.");
        }
        jdbc.sql("DELETE FROM ip_rule WHERE id = ?").param(id).update();
        cached = null;
        return true;
    }
}
