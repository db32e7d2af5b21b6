package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.UserAccount;
import com.linetrace.identity.api.UserSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people in identity's {@code users} and {@code authorities} tables (equipment rows are left alone: their
 * secrets are configured). Every change that must end what a credential opened moves its {@code credential_version}.
 */
final class PlantUsers {

    static final String ROLE_PREFIX = "ROLE_";

    private final JdbcClient jdbc;

    PlantUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's account as identity keeps it, without its password hash. */
    record Account(
            String username,
            List<String> roles,
            boolean enabled,
            boolean demo,
            @Nullable String badge) {

        Account {
            roles = roles.stream().sorted().toList();
        }

        boolean equipment() {
            return roles.contains(Roles.EQUIPMENT);
        }

        boolean admin() {
            return enabled && roles.contains(Roles.ADMIN);
        }

        UserAccount audited() {
            return new UserAccount(roles, enabled);
        }

        UserSummary summary() {
            return new UserSummary(username, roles, enabled, demo, badge);
        }
    }

    List<Account> persons() {
        return jdbc.sql("""
                        select u.username, u.enabled, u.demo, b.badge from identity.users u
                        left join identity.badge b on b.username = u.username
                        order by u.username""").query((rs, n) -> account(rs)).list().stream()
                .filter(account -> !account.equipment())
                .toList();
    }

    /** The account, its row locked until the transaction ends. */
    Optional<Account> lock(String username) {
        return jdbc.sql("""
                        select u.username, u.enabled, u.demo, b.badge from identity.users u
                        left join identity.badge b on b.username = u.username
                        where u.username = :username for update of u""")
                .param("username", username)
                .query((rs, n) -> account(rs))
                .optional();
    }

    /** Whether any user or equipment has this name, in any case. */
    boolean taken(String username) {
        return jdbc.sql("select count(*) from identity.users where lower(username) = lower(:username)")
                        .param("username", username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Enabled admins; a change that would leave none is refused. Locks them, so two admins cannot both go. */
    int enabledAdmins() {
        return jdbc.sql("""
                        select u.username from identity.users u
                        join identity.authorities a on a.username = u.username
                        where u.enabled and a.authority = :admin
                        for update of u""")
                .param("admin", ROLE_PREFIX + Roles.ADMIN)
                .query(String.class)
                .list()
                .size();
    }

    void insert(String username, String hash, List<String> roles) {
        jdbc.sql("insert into identity.users (username, password, enabled) values (:username, :hash, true)")
                .param("username", username)
                .param("hash", hash)
                .update();
        grant(username, roles);
    }

    void setRoles(String username, List<String> roles) {
        jdbc.sql("delete from identity.authorities where username = :username")
                .param("username", username)
                .update();
        grant(username, roles);
        bump(username);
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("""
                        update identity.users set enabled = :enabled, credential_version = credential_version + 1
                        where username = :username""").param("enabled", enabled).param("username", username).update();
    }

    void setPassword(String username, String hash) {
        jdbc.sql("""
                        update identity.users set password = :hash, credential_version = credential_version + 1
                        where username = :username""").param("hash", hash).param("username", username).update();
    }

    void markDemo(String username) {
        jdbc.sql("update identity.users set demo = true where username = :username")
                .param("username", username)
                .update();
    }

    List<String> demoUsers() {
        return jdbc.sql("select username from identity.users where demo order by username")
                .query(String.class)
                .list();
    }

    /** The password hash, for the one check a start makes of the demo's well-known passwords. */
    Optional<String> hash(String username) {
        return jdbc.sql("select password from identity.users where username = :username")
                .param("username", username)
                .query(String.class)
                .optional();
    }

    void delete(String username) {
        jdbc.sql("delete from identity.users where username = :username")
                .param("username", username)
                .update();
    }

    private Account account(ResultSet rs) throws SQLException {
        return new Account(
                rs.getString(1), roles(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4));
    }

    /** A badge's holder as a badge sign-in needs them, with the hash of their PIN. */
    record BadgeHolder(
            String badge,
            String username,
            String pinHash,
            boolean enabled,
            List<String> roles,
            long credentialVersion) {

        BadgeHolder {
            roles = roles.stream().sorted().toList();
        }
    }

    Optional<BadgeHolder> badgeHolder(String badge) {
        return jdbc.sql("""
                        select u.username, b.pin, u.enabled, u.credential_version, b.badge from identity.badge b
                        join identity.users u on u.username = b.username
                        where b.badge = :badge""")
                .param("badge", badge)
                .query((rs, n) -> badgeHolder(rs))
                .optional();
    }

    private BadgeHolder badgeHolder(ResultSet rs) throws SQLException {
        return new BadgeHolder(
                rs.getString(5),
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                roles(rs.getString(1)),
                rs.getLong(4));
    }

    /** Whether a person other than {@code username} holds this badge. */
    boolean badgeHeldByAnother(String badge, String username) {
        return jdbc.sql("select count(*) from identity.badge where badge = :badge and username <> :username")
                        .param("badge", badge)
                        .param("username", username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Gives the person this badge and PIN hash (replacing any badge they had) and moves their credential version: a
     * session opened with the old badge or PIN ends at its next call.
     */
    void setBadge(String username, String badge, String pinHash) {
        jdbc.sql("""
                        insert into identity.badge (badge, username, pin) values (:badge, :username, :pin)
                        on conflict (username) do update set badge = excluded.badge, pin = excluded.pin""")
                .param("badge", badge)
                .param("username", username)
                .param("pin", pinHash)
                .update();
        bump(username);
    }

    /** The person's own new PIN; their sessions go on (they changed it themselves, signed in). */
    void setPin(String username, String pinHash) {
        jdbc.sql("update identity.badge set pin = :pin where username = :username")
                .param("pin", pinHash)
                .param("username", username)
                .update();
    }

    /** The person's badge and its PIN hash, if they have one. */
    Optional<BadgeHolder> badgeOf(String username) {
        return jdbc.sql("""
                        select u.username, b.pin, u.enabled, u.credential_version, b.badge from identity.badge b
                        join identity.users u on u.username = b.username
                        where b.username = :username""")
                .param("username", username)
                .query((rs, n) -> badgeHolder(rs))
                .optional();
    }

    void removeBadge(String username) {
        jdbc.sql("delete from identity.badge where username = :username")
                .param("username", username)
                .update();
        bump(username);
    }

    private void grant(String username, List<String> roles) {
        for (var role : roles) {
            jdbc.sql("insert into identity.authorities (username, authority) values (:username, :authority)")
                    .param("username", username)
                    .param("authority", ROLE_PREFIX + role)
                    .update();
        }
    }

    private void bump(String username) {
        jdbc.sql("update identity.users set credential_version = credential_version + 1 where username = :username")
                .param("username", username)
                .update();
    }

    private List<String> roles(String username) {
        var roles = new ArrayList<String>();
        jdbc.sql("select authority from identity.authorities where username = :username")
                .param("username", username)
                .query(String.class)
                .list()
                .forEach(authority -> roles.add(
                        authority.startsWith(ROLE_PREFIX) ? authority.substring(ROLE_PREFIX.length()) : authority));
        return roles;
    }
}
