package com.linetrace.contracts.action;

import com.linetrace.contracts.Text;
import java.util.List;

/**
 * What an audit action says about a user account before or after a change: never a password or its hash.
 *
 * @param roles the account's roles, sorted
 * @param enabled whether it may sign in
 */
public record UserAccount(List<String> roles, boolean enabled) {

    public UserAccount {
        roles = Text.requireEach("roles", roles, 20, Text.ID);
    }
}
