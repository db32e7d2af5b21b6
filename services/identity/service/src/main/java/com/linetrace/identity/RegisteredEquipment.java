package com.linetrace.identity;

import com.linetrace.contracts.Roles;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * The station equipment the plant registered ({@code linetrace.identity.equipment}, and the demo's): each becomes an
 * API principal of its own, with the role {@code EQUIPMENT} only, whose secret is stored as the configured hash. So a
 * result reported by a fixture is signed in as that fixture, never as a person.
 */
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class RegisteredEquipment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegisteredEquipment.class);
    private static final Pattern HASH = Pattern.compile("\\{(bcrypt|argon2[^}]*|pbkdf2[^}]*|scrypt[^}]*)}.+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String AUTHORITY = "ROLE_" + Roles.EQUIPMENT;

    private final UserDetailsManager users;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;

    RegisteredEquipment(UserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        var hashes = new LinkedHashMap<String, String>();
        if (settings.demoUsers()) {
            settings.demoEquipment().forEach(id -> hashes.put(id, encoder.encode(id)));
        }
        settings.equipment().forEach((id, hash) -> {
            if (!HASH.matcher(hash.strip()).matches()) {
                throw new IllegalStateException("linetrace.identity.equipment[" + id + "] must be the hash of the"
                        + " equipment's secret ({bcrypt}…, {argon2…}, {pbkdf2…} or {scrypt…}), never the secret");
            }
            hashes.put(id, hash.strip());
        });
        hashes.forEach(this::register);
    }

    private void register(String id, String hash) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException("Equipment id '" + id + "' must be 1 to 64 letters, digits, '.', '_', '-'");
        }
        var existing = find(id);
        if (existing != null
                && existing.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(authority -> !authority.equals(AUTHORITY))) {
            throw new IllegalStateException("Equipment id '" + id + "' is a person's user name: choose another");
        }
        var equipment =
                User.withUsername(id).password(hash).roles(Roles.EQUIPMENT).build();
        if (existing == null) {
            users.createUser(equipment);
            log.info("Registered equipment '{}' (role {})", id, Roles.EQUIPMENT);
        } else if (!existing.getPassword().equals(hash)
                && !settings.demoEquipment().contains(id)) {
            users.updateUser(equipment);
            log.info("Updated the secret of equipment '{}'", id);
        }
    }

    private @Nullable UserDetails find(String id) {
        try {
            return users.loadUserByUsername(id);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
