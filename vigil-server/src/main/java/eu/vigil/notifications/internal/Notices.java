package eu.vigil.notifications.internal;

import static eu.vigil.notifications.internal.Sql.at;
import static eu.vigil.notifications.internal.Sql.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import eu.vigil.identity.Role;
import eu.vigil.notifications.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices received, one row per key, and the inbox read from them: a user sees the notices whose
 * audience holds one of the user's roles, so nothing is copied per user.
 */
@Repository
class Notices {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Notices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a notice unless one with its key is there already; returns its id, or empty for a repeat. */
    Optional<Long> insertOnce(Notice notice, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT INTO notification_notice (notice_key, topic, urgency, subject, body, link, audience, tags, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .param(storedKey(notice.key())).param(cut(notice.topic(), 120)).param(notice.urgency().name())
                .param(cut(notice.subject(), 300)).param(cut(notice.body(), 8000)).param(cut(notice.link(), 1000))
                .param(audience(notice.audience())).param(json.writeValueAsString(new java.util.TreeMap<>(notice.tags())))
                .param(at(now))
                .update(keys, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
    }

    Optional<Notice> find(long id) {
        return jdbc.sql("SELECT * FROM notification_notice WHERE id = ?").param(id).query((rs, n) -> new Notice(
                rs.getString("topic"), Notice.Urgency.valueOf(rs.getString("urgency")), rs.getString("notice_key"),
                rs.getString("subject"), rs.getString("body"), rs.getString("link"), roles(rs.getString("audience")),
                json.readValue(rs.getString("tags"), new TypeReference<Map<String, String>>() { }))).optional();
    }

    List<InboxEntry> inbox(long userId, Set<Role> roles, boolean unreadOnly, int offset, int limit) {
        if (roles.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(userId);
        String sql = "SELECT n.*, r.read_at FROM notification_notice n LEFT JOIN notification_read r"
                + " ON r.notice_id = n.id AND r.user_id = ? WHERE " + audienceCondition(roles, args)
                + (unreadOnly ? " AND r.read_at IS NULL" : "")
                + " ORDER BY n.received_at DESC, n.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        args.add(offset);
        args.add(limit);
        return jdbc.sql(sql).params(args).query((rs, n) -> new InboxEntry(rs.getLong("id"), rs.getString("topic"),
                Notice.Urgency.valueOf(rs.getString("urgency")), rs.getString("subject"), rs.getString("body"),
                rs.getString("link"), instant(rs, "received_at"), rs.getObject("read_at") != null)).list();
    }

    long count(long userId, Set<Role> roles, boolean unreadOnly) {
        if (roles.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM notification_notice n WHERE " + audienceCondition(roles, args)
                + (unreadOnly ? " AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notice_id = n.id AND r.user_id = ?)" : "");
        if (unreadOnly) {
            args.add(userId);
        }
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    boolean visible(long noticeId, Set<Role> roles) {
        if (roles.isEmpty()) {
            return false;
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM notification_notice n WHERE n.id = ? AND " + audienceCondition(roles, args);
        args.addFirst(noticeId);
        return jdbc.sql(sql).params(args).query(Long.class).single() > 0;
    }

    void markRead(long noticeId, long userId, Instant now) {
        jdbc.sql("INSERT INTO notification_read (notice_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .param(noticeId).param(userId).param(at(now)).update();
    }

    int markAllRead(long userId, Set<Role> roles, Instant now) {
        if (roles.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(userId);
        args.add(at(now));
        String sql = "INSERT INTO notification_read (notice_id, user_id, read_at) SELECT n.id, ?, ? FROM notification_notice n WHERE "
                + audienceCondition(roles, args)
                + " AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notice_id = n.id AND r.user_id = ?)";
        args.add(userId);
        return jdbc.sql(sql).params(args).update();
    }

    /** Topics that reached any of these roles so far, for the preference page to offer. */
    List<String> topicsSeenBy(Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        return jdbc.sql("SELECT DISTINCT topic FROM notification_notice n WHERE " + audienceCondition(roles, args)
                + " ORDER BY topic").params(args).query(String.class).list();
    }

    private static String audienceCondition(Set<Role> roles, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (Role role : new TreeSet<>(roles)) {
            parts.add("n.audience LIKE ?");
            args.add("%," + role.name() + ",%");
        }
        return "(" + String.join(" OR ", parts) + ")";
    }

    static String audience(Set<Role> roles) {
        return roles.isEmpty() ? "," : "," + String.join(",", new TreeSet<>(roles).stream().map(Role::name).toList()) + ",";
    }

    static Set<Role> roles(String audience) {
        return audience == null ? Set.of() : Role.parseAll(audience.replaceAll("^,+|,+$", ""));
    }

    /** The key as stored: a long key keeps its start and a SHA-256 of the whole, so two long keys never merge. */
    static String storedKey(String key) {
        if (key.length() <= 300) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return key.substring(0, 200) + "#" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
