package eu.vigil.identity.internal;

import java.util.List;

import eu.vigil.identity.Role;
import eu.vigil.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link UserDirectory} over the user accounts table. */
@Component
class JdbcUserDirectory implements UserDirectory {

    private final JdbcClient jdbc;

    JdbcUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Member> withRole(Role role) {
        // roles are kept as a comma-separated list: narrow with LIKE, decide exactly in Java
        return jdbc.sql("SELECT id, username, display_name, enabled, roles FROM user_account WHERE roles LIKE ? ORDER BY username")
                .param("%" + role.name() + "%")
                .query((rs, row) -> Role.parseAll(rs.getString("roles")).contains(role)
                        ? new Member(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                                rs.getBoolean("enabled"))
                        : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }
}
