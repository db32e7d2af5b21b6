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
import org.jspecify.annotations.Nullable;

/** Identity's user administration as the view sees it: it records what it was asked and refuses as identity does. */
final class FakeUsers implements Users {

    final List<String> calls = new ArrayList<>();
    private final TreeMap<String, UserSummary> users = new TreeMap<>();

    FakeUsers() {
        users.put("admin", new UserSummary("admin", List.of(Roles.ADMIN), true, false, null));
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
        var created = new UserSummary(user.username(), user.roles(), true, false, null);
        users.put(created.username(), created);
        return created;
    }

    @Override
    public UserSummary changeRoles(String username, UserChange.Roles roles) {
        calls.add("roles " + username + " " + roles.roles());
        var changed =
                new UserSummary(username, roles.roles(), users.get(username).enabled(), false, badgeOf(username));
        users.put(username, changed);
        return changed;
    }

    @Override
    public UserSummary setEnabled(String username, UserChange.Enabled enabled) {
        calls.add((enabled.enabled() ? "enable " : "disable ") + username);
        if (username.equals("admin")) {
            throw IdentityProblem.LAST_ADMIN.exception("'admin' is the plant's last enabled admin");
        }
        var changed =
                new UserSummary(username, users.get(username).roles(), enabled.enabled(), false, badgeOf(username));
        users.put(username, changed);
        return changed;
    }

    @Override
    public UserSummary resetPassword(String username, UserChange.Password password) {
        calls.add("password " + username);
        return users.get(username);
    }

    @Override
    public UserSummary setBadge(String username, UserChange.Badge badge) {
        calls.add("badge " + username + " " + badge.badge());
        if (Objects.requireNonNull(badge.pin()).chars().distinct().count() == 1) {
            throw IdentityProblem.WEAK_PIN.exception("A PIN is not one digit repeated");
        }
        var before = users.get(username);
        var changed = new UserSummary(username, before.roles(), before.enabled(), false, badge.badge());
        users.put(username, changed);
        return changed;
    }

    @Override
    public UserSummary removeBadge(String username) {
        calls.add("remove badge " + username);
        var before = users.get(username);
        var changed = new UserSummary(username, before.roles(), before.enabled(), false, null);
        users.put(username, changed);
        return changed;
    }

    @Override
    public void changeOwnPin(UserChange.OwnPin pin) {
        calls.add("own pin");
        if (!"482916".equals(pin.currentPin())) {
            throw IdentityProblem.PIN_REFUSED.exception("That is not your current PIN (or you have no badge)");
        }
    }

    private @Nullable String badgeOf(String username) {
        var user = users.get(username);
        return user == null ? null : user.badge();
    }
}
