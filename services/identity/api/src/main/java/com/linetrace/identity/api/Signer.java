package com.linetrace.identity.api;

import java.util.List;

/**
 * A person whose re-entered password identity has just checked: their user name, their name as a signed record prints
 * it, and their roles as identity holds them now (not as an older token says).
 */
public record Signer(String username, String printedName, List<String> roles) {

    public Signer {
        roles = List.copyOf(roles);
    }
}
