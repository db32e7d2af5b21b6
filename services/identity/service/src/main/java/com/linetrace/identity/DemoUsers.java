package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * The demo plant's people, one per role, whose passwords are written in the README. Created only when
 * {@code linetrace.identity.demo-users=true}, and only if missing: never on a production plant.
 */
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserDetailsManager users;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;

    DemoUsers(UserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings) {
        this.users = users;
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
                log.info("Created demo user '{}' with role {}", username, role);
            }
        }
    }
}
