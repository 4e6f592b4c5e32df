package eu.vigil.notifications.internal;

import static eu.vigil.notifications.internal.Sql.at;
import static eu.vigil.notifications.internal.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox. Every node claims due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} (H2 2.4 and
 * PostgreSQL both have it) and, in the same short transaction, moves their next attempt past the
 * lease: the row is the claiming node's until then, without a transaction held open over the
 * network. The update repeats the due condition, so even a database that ignored SKIP LOCKED
 * could not hand one row to two nodes. H2 applies {@code FETCH FIRST} before it skips locked rows,
 * so there a second claimer gets nothing until the first commits (never the same row); H2 serves
 * one node anyway, and several nodes share PostgreSQL.
 */
@Repository
class Deliveries {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long noticeId, Subscription subscription, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_delivery (notice_id, subscription_id, channel, target, status, attempts,
                    next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING""")
                .param(noticeId).param(subscription.id()).param(subscription.channel().name()).param(subscription.target())
                .param(at(now)).param(at(now))
                .update();
    }

    /** Ids of due rows, locked for the caller's transaction; rows other nodes hold are skipped. */
    List<Long> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM notification_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED""")
                .param(at(now)).param(limit).query(Long.class).list();
    }

    /** Takes a locked row under lease: counts the attempt; false when another node took it first. */
    boolean lease(long id, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE notification_delivery SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?
                WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?""")
                .param(at(now)).param(at(until)).param(id).param(at(now)).update() == 1;
    }

    void sent(long id, Instant now) {
        jdbc.sql("UPDATE notification_delivery SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
                .param(at(now)).param(id).update();
    }

    void failed(long id, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.sql("UPDATE notification_delivery SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .param(giveUp ? FAILED : PENDING).param(error.length() > 2000 ? error.substring(0, 2000) : error)
                .param(at(nextAttempt)).param(id).update();
    }

    /** Gives a failed delivery a fresh start. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("UPDATE notification_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "WHERE id = ? AND status = 'FAILED'").param(at(now)).param(id).update() == 1;
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(Deliveries::map).optional();
    }

    List<Delivery> recent(String status, int offset, int limit) {
        return jdbc.sql(SELECT + (status == null ? "" : " WHERE d.status = :status")
                        + " ORDER BY d.created_at DESC, d.id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(status == null ? java.util.Map.of("offset", offset, "limit", limit)
                        : java.util.Map.of("status", status, "offset", offset, "limit", limit))
                .query(Deliveries::map).list();
    }

    List<Delivery> ofSubscription(long subscriptionId) {
        return jdbc.sql(SELECT + " WHERE d.subscription_id = ? ORDER BY d.id").param(subscriptionId).query(Deliveries::map).list();
    }

    /** Forgets the outstanding deliveries of a deleted subscription; sent and failed ones stay as history. */
    void dropPending(long subscriptionId) {
        jdbc.sql("DELETE FROM notification_delivery WHERE subscription_id = ? AND status = 'PENDING'")
                .param(subscriptionId).update();
    }

    private static final String SELECT = "SELECT d.*, n.subject, n.topic FROM notification_delivery d"
            + " JOIN notification_notice n ON n.id = d.notice_id";

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("notice_id"), rs.getLong("subscription_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("target"), rs.getString("status"),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                rs.getString("last_error"), instant(rs, "sent_at"), instant(rs, "created_at"), rs.getString("subject"),
                rs.getString("topic"));
    }
}
