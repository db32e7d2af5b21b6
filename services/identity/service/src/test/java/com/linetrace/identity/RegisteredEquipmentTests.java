package com.linetrace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class RegisteredEquipmentTests {

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final org.springframework.security.crypto.password.PasswordEncoder encoder =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void registersEquipmentWithItsHashedSecretAndTheEquipmentRoleOnly() {
        var hash = encoder.encode("s3cret");
        run(Map.of("FIX-FW-2", hash), List.of(), false);
        var fixture = users.loadUserByUsername("FIX-FW-2");
        assertThat(fixture.getPassword()).isEqualTo(hash);
        assertThat(encoder.matches("s3cret", fixture.getPassword())).isTrue();
        assertThat(fixture.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_EQUIPMENT");
    }

    @Test
    void refusesToStartWithASecretThatIsNotAHash() {
        for (var secret : List.of("s3cret", "{noop}s3cret")) {
            assertThatThrownBy(() -> run(Map.of("FIX-FW-2", secret), List.of(), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hash of the equipment's secret")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void refusesEquipmentNamedLikeAPerson() {
        users.createUser(User.withUsername("operator")
                .password(encoder.encode("operator"))
                .roles("OPERATOR")
                .build());
        assertThatThrownBy(() -> run(Map.of("operator", encoder.encode("x")), List.of(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("person's user name");
    }

    @Test
    void createsTheDemoEquipmentOnlyWithTheDemoUsers() {
        run(Map.of(), List.of("KEY-1"), false);
        assertThat(users.userExists("KEY-1")).isFalse();
        run(Map.of(), List.of("KEY-1"), true);
        assertThat(encoder.matches("KEY-1", users.loadUserByUsername("KEY-1").getPassword()))
                .isTrue();
    }

    private void run(Map<String, String> equipment, List<String> demoEquipment, boolean demoUsers) {
        var settings = new IdentitySettings(
                true,
                demoUsers,
                Duration.ofMinutes(2),
                equipment,
                demoEquipment,
                new IdentitySettings.Token(null, false, Duration.ofMinutes(10), Duration.ofHours(12)),
                "CA1",
                new IdentitySettings.SignInLimits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5), 3),
                IdentitySettings.DemoUsersFound.REFUSE,
                null,
                12,
                new IdentitySettings.Badge(List.of("OPERATOR"), 6));
        new RegisteredEquipment(users, encoder, settings).run(new DefaultApplicationArguments());
    }
}
