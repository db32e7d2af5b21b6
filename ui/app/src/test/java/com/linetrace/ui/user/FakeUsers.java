package com.linetrace.ui.user;

import com.linetrace.contracts.Roles;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.NewUser;
import com.linetrace.identity.api.UserChange;
import com.linetrace.identity.api.UserSummary;
import com.linetrace.identity.api.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Identity's user administration as the view sees it: it records what it was asked and refuses as identity does. */
final class FakeUsers implements Users {

    final List<String> calls = new ArrayList<>();
    private final TreeMap<String, UserSummary> users = new TreeMap<>();

    FakeUsers() {
        users.put("admin", new UserSummary("admin", List.of(Roles.ADMIN), true, false));
    }

    @Override
    public List<UserSummary> list() {
        return List.copyOf(users.values());
    }

    @Override
    public UserSummary create(NewUser user) {
        calls.add("create " + user.username() + " " + user.roles());
        if (Objects.requireNonNull(user.password()).length() < 12) {
            throw IdentityProblem.WEAK_PASSWORD.exception("A password has at least 12 characters");
        }
        var created = new UserSummary(user.username(), user.roles(), true, false);
        users.put(created.username(), created);
        return created;
    }

    @Override
    public UserSummary changeRoles(String username, UserChange.Roles roles) {
        calls.add("roles " + username + " " + roles.roles());
        var changed =
                new UserSummary(username, roles.roles(), users.get(username).enabled(), false);
        users.put(username, changed);
        return changed;
    }

    @Override
    public UserSummary setEnabled(String username, UserChange.Enabled enabled) {
        calls.add((enabled.enabled() ? "enable " : "disable ") + username);
        if (username.equals("admin")) {
            throw IdentityProblem.LAST_ADMIN.exception("'admin' is the plant's last enabled admin");
        }
        var changed = new UserSummary(username, users.get(username).roles(), enabled.enabled(), false);
        users.put(username, changed);
        return changed;
    }

    @Override
    public UserSummary resetPassword(String username, UserChange.Password password) {
        calls.add("password " + username);
        return users.get(username);
    }
}
