package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import com.linetrace.identity.api.NewUser;
import com.linetrace.identity.api.UserChange;
import com.linetrace.identity.api.UserSummary;
import com.linetrace.identity.api.Users;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** User administration over HTTP: the mappings are {@link Users}', its role checked before the body is read, and again by the directory. */
@RolesAllowed(Roles.ADMIN)
@RestController
class UserController implements Users {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @Override
    public List<UserSummary> list() {
        return users.list();
    }

    @Override
    public UserSummary create(NewUser user) {
        return users.create(user);
    }

    @Override
    public UserSummary changeRoles(String username, UserChange.Roles roles) {
        return users.changeRoles(username, roles);
    }

    @Override
    public UserSummary setEnabled(String username, UserChange.Enabled enabled) {
        return users.setEnabled(username, enabled);
    }

    @Override
    public UserSummary resetPassword(String username, UserChange.Password password) {
        return users.resetPassword(username, password);
    }

    @Override
    public UserSummary setBadge(String username, UserChange.Badge badge) {
        return users.setBadge(username, badge);
    }

    @Override
    public UserSummary removeBadge(String username) {
        return users.removeBadge(username);
    }

    /** Any person, for their own PIN: the one administration call that is not an admin's. */
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public void changeOwnPin(UserChange.OwnPin pin) {
        users.changeOwnPin(pin);
    }
}
