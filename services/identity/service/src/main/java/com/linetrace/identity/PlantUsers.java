package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.action.UserAccount;
import com.linetrace.identity.api.UserSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    record Account(String username, List<String> roles, boolean enabled, boolean demo) {

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
            return new UserSummary(username, roles, enabled, demo);
        }
    }

    List<Account> persons() {
        return jdbc
                .sql("select username, enabled, demo from identity.users order by username")
                .query((rs, n) ->
                        new Account(rs.getString(1), roles(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3)))
                .list()
                .stream()
                .filter(account -> !account.equipment())
                .toList();
    }

    /** The account, its row locked until the transaction ends. */
    Optional<Account> lock(String username) {
        return jdbc.sql("select username, enabled, demo from identity.users where username = :username for update")
                .param("username", username)
                .query((rs, n) ->
                        new Account(rs.getString(1), roles(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3)))
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
