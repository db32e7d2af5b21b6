package com.linetrace.identity.api;

import java.util.List;

/**
 * A person's account as an admin sees it: never a password or its hash.
 *
 * @param username the name they sign in with
 * @param roles their roles, sorted
 * @param enabled whether they may sign in
 * @param demo one of the demo plant's users
 */
public record UserSummary(String username, List<String> roles, boolean enabled, boolean demo) {}
