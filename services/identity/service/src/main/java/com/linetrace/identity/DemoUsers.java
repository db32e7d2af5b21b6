package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * The demo plant's people, one per role, whose passwords are written in the README; the operator and the supervisor
 * also have a badge and PIN for the station terminals, written there too. Created only when
 * {@code linetrace.identity.demo-users=true}, and only if missing: never on a production plant. Each is marked as the
 * demo's in identity's schema, and so is the demo equipment, so that a start outside the demo recognises the data
 * directory ({@link DemoDataGuard}). After the equipment is registered, to mark it too.
 */
class DemoUsers implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** A demo badge and its PIN, written in the README beside the demo passwords. */
    record DemoBadge(String id, String pin) {}

    /** The demo people who sign in at a station terminal: the operator and the supervisor. */
    static final Map<String, DemoBadge> DEMO_BADGES = Map.of(
            "operator", new DemoBadge("B-1001", "246810"),
            "supervisor", new DemoBadge("B-1002", "135790"));

    private final UserDetailsManager users;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;
    private final PlantUsers plantUsers;

    DemoUsers(UserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings, PlantUsers plantUsers) {
        this.users = users;
        this.plantUsers = plantUsers;
        this.encoder = encoder;
        this.settings = settings;
    }

    private boolean exists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoUsers()) {
            return;
        }
        for (var role : Roles.ALL) {
            var username = role.toLowerCase();
            if (!exists(username)) {
                users.createUser(User.withUsername(username)
                        .password(encoder.encode(username))
                        .roles(role)
                        .build());
                plantUsers.markDemo(username);
                log.info("Created demo user '{}' with role {}", username, role);
            }
        }
        DEMO_BADGES.forEach((username, badge) -> {
            if (exists(username)
                    && plantUsers.badgeOf(username).isEmpty()
                    && !plantUsers.badgeHeldByAnother(badge.id(), username)) {
                plantUsers.setBadge(username, badge.id(), encoder.encode(badge.pin()));
                log.info("Gave demo user '{}' the badge {}", username, badge.id());
            }
        });
        settings.demoEquipment().forEach(plantUsers::markDemo);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
