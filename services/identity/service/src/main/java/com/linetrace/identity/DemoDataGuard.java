package com.linetrace.identity;

import com.linetrace.contracts.action.UserRemoved;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A plant outside the demo does not run with the demo plant's users, whose passwords are in the README: on a data
 * directory the demo profile made (its users are marked {@code demo}, and older ones are recognised by their
 * well-known passwords), a start without {@code linetrace.identity.demo-users} refuses, saying why and what to do, or
 * with {@code linetrace.identity.demo-users-found=remove} removes them, each removal an audit action.
 */
final class DemoDataGuard implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGuard.class);

    /** The system's own name in the audit actions it takes without a person. */
    static final String SYSTEM = "linetrace-identity";

    /** The demo's equipment, whose secret is its id: made with the demo users by the plant's demo profile. */
    private static final List<String> DEMO_EQUIPMENT = List.of("FIX-FW-1", "KEY-1");

    private final PlantUsers users;
    private final PasswordEncoder encoder;
    private final IdentityAudit audit;
    private final TransactionOperations transactions;
    private final IdentitySettings settings;

    DemoDataGuard(
            PlantUsers users,
            PasswordEncoder encoder,
            IdentityAudit audit,
            TransactionOperations transactions,
            IdentitySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Before the first-run setup, which then finds no admin where the demo's was removed. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demoUsers()) {
            return;
        }
        var found = demoUsers();
        if (found.isEmpty()) {
            return;
        }
        if (settings.demoUsersFound() == IdentitySettings.DemoUsersFound.REFUSE) {
            throw new IllegalStateException("This data directory holds the demo plant's users " + found
                    + ", made by the demo profile; their passwords are their names, written in the README, so anyone"
                    + " could sign in as them. A plant outside the demo does not start with them. Either start it with"
                    + " the demo profile again (--spring.profiles.active=demo), or remove the demo users once with"
                    + " --linetrace.identity.demo-users-found=remove (then create the first admin with the setup code"
                    + " the plant writes to its data directory), or start on a new data directory"
                    + " (--linetrace.data-dir=…)");
        }
        transactions.executeWithoutResult(status -> {
            for (var username : found) {
                users.lock(username).ifPresent(account -> {
                    users.delete(username);
                    audit.record(
                            SYSTEM,
                            null,
                            new UserRemoved(
                                    username,
                                    account.audited(),
                                    "A demo user, removed at a start outside the demo"
                                            + " (linetrace.identity.demo-users-found=remove)"));
                });
            }
        });
        log.warn(
                "Removed the demo plant's users {} from this data directory (linetrace.identity.demo-users-found=remove)",
                found);
    }

    /** Marked as the demo's, or (made before the mark existed) a demo name whose password is still that name. */
    private List<String> demoUsers() {
        var found = new ArrayList<>(users.demoUsers());
        var names = new ArrayList<String>();
        com.linetrace.contracts.Roles.ALL.forEach(role -> names.add(role.toLowerCase(Locale.ROOT)));
        names.addAll(DEMO_EQUIPMENT);
        for (var name : names) {
            if (!found.contains(name)
                    && users.hash(name)
                            .filter(hash -> encoder.matches(name, hash))
                            .isPresent()) {
                found.add(name);
            }
        }
        return found.stream().sorted().toList();
    }
}
