package eu.vigil.notifications.internal;

import static eu.vigil.notifications.internal.Sql.at;
import static eu.vigil.notifications.internal.Sql.instant;
import static eu.vigil.notifications.internal.Sql.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** E-mail and webhook subscriptions, in plain SQL. */
@Repository
class Subscriptions {

    /** What a subscription is made of, checked. */
    record Fields(Channel channel, String target, String label, List<String> topics, Notice.Urgency minUrgency,
                  java.util.Map<String, String> tagFilter, boolean enabled) {
    }

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Fields f, Long ownerUserId, Set<Role> ownerRoles, Instant now, String user) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification_subscription (channel, target, label, topics, min_urgency, tag_filter, owner_user_id,
                    owner_roles, enabled, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(f.channel().name()).param(f.target()).param(f.label()).param(String.join(",", f.topics()))
                .param(f.minUrgency().name()).param(TagFilter.format(f.tagFilter())).param(ownerUserId)
                .param(ownerRoles == null ? null : Role.format(ownerRoles)).param(f.enabled())
                .param(at(now)).param(user).param(at(now)).param(user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, Fields f, Set<Role> ownerRoles, Instant now, String user) {
        jdbc.sql("""
                UPDATE notification_subscription SET target = ?, label = ?, topics = ?, min_urgency = ?, tag_filter = ?,
                    owner_roles = COALESCE(?, owner_roles), enabled = ?, updated_at = ?, updated_by = ? WHERE id = ?""")
                .param(f.target()).param(f.label()).param(String.join(",", f.topics())).param(f.minUrgency().name())
                .param(TagFilter.format(f.tagFilter())).param(ownerRoles == null ? null : Role.format(ownerRoles))
                .param(f.enabled()).param(at(now)).param(user).param(id)
                .update();
    }

    void saveSecret(long id, String sealed) {
        jdbc.sql("UPDATE notification_subscription SET secret = ? WHERE id = ?").param(sealed).param(id).update();
    }

    Optional<String> sealedSecret(long id) {
        return jdbc.sql("SELECT secret FROM notification_subscription WHERE id = ?").param(id).query(String.class).optional();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM notification_subscription WHERE id = ?").param(id).update();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("SELECT * FROM notification_subscription WHERE id = ?").param(id).query(Subscriptions::map).optional();
    }

    /** Subscriptions managed by administrators (not users' own preferences). */
    List<Subscription> shared() {
        return jdbc.sql("SELECT * FROM notification_subscription WHERE owner_user_id IS NULL ORDER BY channel, target, id")
                .query(Subscriptions::map).list();
    }

    Optional<Subscription> ownedBy(long userId) {
        return jdbc.sql("SELECT * FROM notification_subscription WHERE owner_user_id = ? ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param(userId).query(Subscriptions::map).optional();
    }

    List<Subscription> enabled() {
        return jdbc.sql("SELECT * FROM notification_subscription WHERE enabled = TRUE").query(Subscriptions::map).list();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("owner_roles");
        return new Subscription(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("target"),
                rs.getString("label"), List.of(rs.getString("topics").split(",")),
                Notice.Urgency.valueOf(rs.getString("min_urgency")), TagFilter.parse(rs.getString("tag_filter")),
                rs.getString("secret") != null, longOrNull(rs, "owner_user_id"),
                roles == null ? Set.of() : Role.parseAll(roles), rs.getBoolean("enabled"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
