package com.linetrace.identity.api;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * First-run setup of a plant outside the demo, open to anyone who holds the one-time setup code: while no enabled
 * admin exists, the plant writes a code to a file in its data directory (readable by its owner only) and names the
 * file in its log; whoever reads it creates the first admin, once. There is never a default password.
 */
@HttpExchange("/api/setup")
public interface Setup {

    /** Whether the first admin can be created now. */
    @GetExchange
    SetupState state();

    /**
     * Creates the first admin and closes the setup.
     *
     * @throws com.linetrace.contracts.problem.ProblemException {@link IdentityProblem#SETUP_CLOSED} once an admin
     *     exists, {@link IdentityProblem#INVALID_SETUP_CODE}, {@link IdentityProblem#INVALID_USER}, {@link
     *     IdentityProblem#WEAK_PASSWORD}
     */
    @PostExchange("/admin")
    UserSummary createFirstAdmin(@RequestBody FirstAdmin admin);

    /** @param open whether the first admin can be created now (no enabled admin exists, a setup code was written) */
    record SetupState(boolean open) {}
}
