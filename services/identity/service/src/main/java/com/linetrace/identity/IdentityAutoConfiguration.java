package com.linetrace.identity;

import com.linetrace.identity.signature.SignatureConfiguration;
import com.linetrace.messaging.ServiceSchema;
import com.linetrace.web.BasicSignIn;
import com.linetrace.web.OpenEndpoint;
import com.linetrace.web.SecuritySettings;
import com.linetrace.web.TokenKey;
import com.linetrace.web.WebAutoConfiguration;
import java.time.Clock;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Identity in any LineTrace process that includes this module: the plant's users and equipment (the only code that
 * reads the {@code identity} schema), the tokens it signs for them, and HTTP Basic for station clients of this
 * process. Before the web module's configuration, which then verifies tokens with this identity's key in memory.
 */
@AutoConfiguration(before = WebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "linetrace.identity.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdentitySettings.class)
@Import(SignatureConfiguration.class)
public class IdentityAutoConfiguration {

    static final String SCHEMA = "identity";

    @Bean
    SpringLiquibase identityLiquibase(DataSource dataSource) {
        return ServiceSchema.liquibase(dataSource, SCHEMA);
    }

    /** Hashes with bcrypt and keeps the algorithm id in the hash ({bcrypt}…), so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource, SpringLiquibase identityLiquibase) {
        var users = new JdbcUserDetailsManager(dataSource);
        users.setUsersByUsernameQuery("select username, password, enabled from identity.users where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, authority from identity.authorities where username = ?");
        // A count, as JdbcUserDetailsManager reads it (with "select username" an unknown user was an exception).
        users.setUserExistsSql("select count(*) from identity.users where username = ?");
        users.setCreateUserSql("insert into identity.users (username, password, enabled) values (?,?,?)");
        users.setCreateAuthoritySql("insert into identity.authorities (username, authority) values (?,?)");
        users.setUpdateUserSql("update identity.users set password = ?, enabled = ? where username = ?");
        users.setDeleteUserSql("delete from identity.users where username = ?");
        users.setDeleteUserAuthoritiesSql("delete from identity.authorities where username = ?");
        users.setChangePasswordSql("update identity.users set password = ? where username = ?");
        return users;
    }

    @Bean
    DemoUsers demoUsers(JdbcUserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings) {
        return new DemoUsers(users, encoder, settings);
    }

    @Bean
    RegisteredEquipment registeredEquipment(
            JdbcUserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings) {
        return new RegisteredEquipment(users, encoder, settings);
    }

    @Bean
    SigningKey identitySigningKey(IdentitySettings settings) {
        return SigningKey.of(settings);
    }

    /** This process verifies tokens with the key in memory: the plant's identity's tokens open the plant's API. */
    @Bean
    TokenKey identityTokenKey(SigningKey key) {
        return new TokenKey(key.publicKey());
    }

    @Bean
    OpenEndpoint identitySignIn() {
        return new OpenEndpoint(HttpMethod.POST, "/api/tokens");
    }

    @Bean
    OpenEndpoint identityPublicKey() {
        return new OpenEndpoint(HttpMethod.GET, "/api/tokens/public-key");
    }

    /** Station clients of a process holding the users may keep signing in with a name and password. */
    @Bean
    BasicSignIn identityBasicSignIn(JdbcUserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings) {
        return new BasicSignIn(
                new CachedCredentials(passwords(users, encoder), settings.credentialCache(), Clock.systemUTC()));
    }

    @Bean
    TokenService identityTokens(
            JdbcUserDetailsManager users,
            PasswordEncoder encoder,
            SigningKey key,
            JwtDecoder decoder,
            IdentitySettings settings,
            SecuritySettings security) {
        return new TokenService(passwords(users, encoder), users, key, decoder, settings, security, Clock.systemUTC());
    }

    private static DaoAuthenticationProvider passwords(JdbcUserDetailsManager users, PasswordEncoder encoder) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return passwords;
    }
}
