package com.linetrace.identity.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's account as an admin sees it: never a password or its hash.
 *
 * @param username the name they sign in with
 * @param roles their roles, sorted
 * @param enabled whether they may sign in
 * @param demo one of the demo plant's users
 * @param badge the id of the badge they sign in with at a station terminal, if they have one (never their PIN)
 */
public record UserSummary(
        String username,
        List<String> roles,
        boolean enabled,
        boolean demo,
        @Nullable String badge) {}
