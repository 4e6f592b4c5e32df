package eu.vigil.sbom.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.vigil.sbom.Portfolio.Product;
import eu.vigil.sbom.Portfolio.Release;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Products and releases, in plain SQL. */
@Repository
public class Products {

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Product p, Instant now, String user) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sbom_product (product_key, name, vendor, owner_name, purl, cpe, cra_category, support_ends,
                    created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.key(), p.name(), p.vendor(), p.owner(), p.purl(), p.cpe(), p.craCategory(),
                        p.supportEnds() == null ? null : Date.valueOf(p.supportEnds()), Sql.at(now), user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(Product p) {
        jdbc.sql("""
                UPDATE sbom_product SET name = ?, vendor = ?, owner_name = ?, purl = ?, cpe = ?, cra_category = ?,
                    support_ends = ? WHERE id = ?""")
                .params(p.name(), p.vendor(), p.owner(), p.purl(), p.cpe(), p.craCategory(),
                        p.supportEnds() == null ? null : Date.valueOf(p.supportEnds()), p.id())
                .update();
    }

    public Optional<Product> product(long id) {
        return jdbc.sql("SELECT * FROM sbom_product WHERE id = ?").param(id).query(Products::product).optional();
    }

    public Optional<Product> productByKey(String key) {
        return jdbc.sql("SELECT * FROM sbom_product WHERE product_key = ?").param(key).query(Products::product).optional();
    }

    public List<Product> products(String text, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(text, args);
        args.add(offset);
        args.add(limit);
        return jdbc.sql("SELECT * FROM sbom_product" + where + " ORDER BY name, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(args).query(Products::product).list();
    }

    public long count(String text) {
        List<Object> args = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM sbom_product" + where(text, args)).params(args).query(Long.class).single();
    }

    private static String where(String text, List<Object> args) {
        if (text == null || text.isBlank()) {
            return "";
        }
        args.add(Sql.like(text));
        args.add(Sql.like(text));
        return " WHERE LOWER(name) LIKE ? OR LOWER(product_key) LIKE ?";
    }

    long insertRelease(long productId, String version, LocalDate releasedOn, String status, Instant now, String user) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sbom_release (product_id, version, released_on, status, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(productId, version, releasedOn == null ? null : Date.valueOf(releasedOn), status, Sql.at(now), user)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateRelease(long id, LocalDate releasedOn, String status) {
        jdbc.sql("UPDATE sbom_release SET released_on = ?, status = ? WHERE id = ?")
                .params(releasedOn == null ? null : Date.valueOf(releasedOn), status, id).update();
    }

    public Optional<Release> release(long id) {
        return jdbc.sql("SELECT * FROM sbom_release WHERE id = ?").param(id).query(Products::release).optional();
    }

    public Optional<Release> release(long productId, String version) {
        return jdbc.sql("SELECT * FROM sbom_release WHERE product_id = ? AND version = ?").params(productId, version)
                .query(Products::release).optional();
    }

    /** Releases of a product, newest first. */
    public List<Release> releases(long productId) {
        return jdbc.sql("""
                SELECT * FROM sbom_release WHERE product_id = ?
                ORDER BY released_on DESC NULLS LAST, id DESC""").param(productId).query(Products::release).list();
    }

    static Product product(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Date ends = rs.getDate("support_ends");
        return new Product(rs.getLong("id"), rs.getString("product_key"), rs.getString("name"), rs.getString("vendor"),
                rs.getString("owner_name"), rs.getString("purl"), rs.getString("cpe"), rs.getString("cra_category"),
                ends == null ? null : ends.toLocalDate());
    }

    static Release release(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Date on = rs.getDate("released_on");
        return new Release(rs.getLong("id"), rs.getLong("product_id"), rs.getString("version"),
                on == null ? null : on.toLocalDate(), rs.getString("status"));
    }
}
