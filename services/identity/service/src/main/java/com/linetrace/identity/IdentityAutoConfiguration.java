package com.linetrace.identity;

import com.linetrace.contracts.Topics;
import com.linetrace.identity.api.Users;
import com.linetrace.identity.signature.SignatureConfiguration;
import com.linetrace.messaging.MessagingAutoConfiguration;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.messaging.ServiceMessagingFactory;
import com.linetrace.web.BasicSignIn;
import com.linetrace.web.OpenEndpoint;
import com.linetrace.web.SecuritySettings;
import com.linetrace.web.TokenHolderCheck;
import com.linetrace.web.TokenKey;
import com.linetrace.web.WebAutoConfiguration;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Identity in any LineTrace process that includes this module: the plant's users and equipment (the only code that
 * reads the {@code identity} schema), the tokens it signs for them, and HTTP Basic for station clients of this
 * process. Before the web module's configuration, which then verifies tokens with this identity's key in memory.
 */
@AutoConfiguration(before = WebAutoConfiguration.class, after = MessagingAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "linetrace.identity.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdentitySettings.class)
@Import(SignatureConfiguration.class)
public class IdentityAutoConfiguration {

    static final String SCHEMA = "identity";

    /**
     * Identity's schema and its outbox, through which it sends its audit actions (sign-ins, user changes) to the
     * ledger; migrating the schema is the first thing its messaging does.
     */
    @Bean
    ServiceMessaging identityMessaging(ServiceMessagingFactory messaging) {
        return messaging
                .schema(SCHEMA)
                .withOutbox()
                .declaring(Topics.AUDIT_ACTIONS)
                .build();
    }

    @Bean
    IdentityAudit identityAudit(
            @Qualifier("identityMessaging") ServiceMessaging identityMessaging,
            TransactionTemplate transactions,
            IdentitySettings settings) {
        return new IdentityAudit(identityMessaging.outbox(), transactions, settings.plant(), Clock.systemUTC());
    }

    @Bean
    SignInThrottle identitySignInThrottle(
            JdbcClient jdbc,
            @Qualifier("identityMessaging") ServiceMessaging identityMessaging,
            IdentitySettings settings) {
        return new SignInThrottle(jdbc, settings.signIn(), Clock.systemUTC());
    }

    /** Every password check of identity: throttled before the hash, counted and audited after it. */
    @Bean
    GuardedPasswords identityPasswords(
            JdbcUserDetailsManager users, PasswordEncoder encoder, SignInThrottle throttle, IdentityAudit audit) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // Told apart from a wrong password for the audit log only: the caller hears one answer for both.
        passwords.setHideUserNotFoundExceptions(false);
        return new GuardedPasswords(passwords, throttle, audit);
    }

    /** Hashes with bcrypt and keeps the algorithm id in the hash ({bcrypt}…), so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(
            DataSource dataSource, @Qualifier("identityMessaging") ServiceMessaging identityMessaging) {
        var users = new JdbcUserDetailsManager(dataSource);
        users.setUsersByUsernameQuery("select username, password, enabled from identity.users where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, authority from identity.authorities where username = ?");
        // A count, as JdbcUserDetailsManager reads it (with "select username" an unknown user was an exception).
        users.setUserExistsSql("select count(*) from identity.users where username = ?");
        users.setCreateUserSql("insert into identity.users (username, password, enabled) values (?,?,?)");
        users.setCreateAuthoritySql("insert into identity.authorities (username, authority) values (?,?)");
        // Each change of what a credential opens moves its version, which every instance's remembered sign-ins check.
        users.setUpdateUserSql("update identity.users set password = ?, enabled = ?,"
                + " credential_version = credential_version + 1 where username = ?");
        users.setDeleteUserSql("delete from identity.users where username = ?");
        users.setDeleteUserAuthoritiesSql("delete from identity.authorities where username = ?");
        users.setChangePasswordSql("update identity.users set password = ?,"
                + " credential_version = credential_version + 1 where username = ?");
        return users;
    }

    @Bean
    DemoUsers demoUsers(
            JdbcUserDetailsManager users, PasswordEncoder encoder, IdentitySettings settings, PlantUsers plantUsers) {
        return new DemoUsers(users, encoder, settings, plantUsers);
    }

    @Bean
    PlantUsers identityPlantUsers(JdbcClient jdbc, @Qualifier("identityMessaging") ServiceMessaging identityMessaging) {
        return new PlantUsers(jdbc);
    }

    @Bean
    PasswordRules identityPasswordRules(IdentitySettings settings) {
        return new PasswordRules(settings.passwordMinLength());
    }

    @Bean
    DemoDataGuard identityDemoDataGuard(
            PlantUsers users,
            PasswordEncoder encoder,
            IdentityAudit audit,
            TransactionTemplate transactions,
            IdentitySettings settings) {
        return new DemoDataGuard(users, encoder, audit, transactions, settings);
    }

    @Bean
    PinRules identityPinRules(IdentitySettings settings) {
        return new PinRules(settings.badge().pinMinLength());
    }

    /** Badge-and-PIN checks at the station terminals: throttled before the hash, counted and audited after it. */
    @Bean
    BadgeSignIns identityBadgeSignIns(
            PlantUsers users,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            IdentityAudit audit,
            IdentitySettings settings) {
        return new BadgeSignIns(users, encoder, throttle, audit, settings.badge());
    }

    /** User administration, for admins: the bean the UI calls in process, and behind the HTTP API. */
    @Bean
    Users identityUsers(
            PlantUsers users,
            PasswordRules rules,
            PinRules pins,
            BadgeSignIns badges,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            IdentityAudit audit,
            TransactionTemplate transactions) {
        return new UserDirectory(users, rules, pins, badges, encoder, throttle, audit, transactions);
    }

    /** The first admin outside the demo, with the one-time code written to the data directory. */
    @Bean
    FirstRunSetup identitySetup(
            JdbcClient jdbc,
            PlantUsers users,
            PasswordRules rules,
            PasswordEncoder encoder,
            IdentityAudit audit,
            TransactionTemplate transactions,
            IdentitySettings settings,
            Environment environment) {
        var file = settings.setupCodeFile();
        if (file == null) {
            var dataDir = environment.getProperty("linetrace.data-dir");
            file = (dataDir != null ? Path.of(dataDir) : Path.of(System.getProperty("user.home"), ".linetrace"))
                    .resolve("identity-setup-code");
        }
        return new FirstRunSetup(jdbc, users, rules, encoder, audit, transactions, settings, file, Clock.systemUTC());
    }

    @Bean
    OpenEndpoint identitySetupState() {
        return new OpenEndpoint(HttpMethod.GET, "/api/setup");
    }

    @Bean
    OpenEndpoint identitySetupAdmin() {
        return new OpenEndpoint(HttpMethod.POST, "/api/setup/admin");
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
    OpenEndpoint identityBadgeSignIn() {
        return new OpenEndpoint(HttpMethod.POST, "/api/tokens/badge");
    }

    @Bean
    OpenEndpoint identityPublicKey() {
        return new OpenEndpoint(HttpMethod.GET, "/api/tokens/public-key");
    }

    /** Station clients of a process holding the users may keep signing in with a name and password. */
    @Bean
    BasicSignIn identityBasicSignIn(GuardedPasswords passwords, JdbcClient jdbc, IdentitySettings settings) {
        return new BasicSignIn(new CachedCredentials(
                passwords, CredentialVersions.of(jdbc), settings.credentialCache(), Clock.systemUTC()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        /** Takes {@link Users}' mappings only; callers of the api are given the directory, not this. */
        @Bean(defaultCandidate = false)
        UserController identityUserController(Users identityUsers) {
            return new UserController(identityUsers);
        }

        @Bean(defaultCandidate = false)
        SetupController identitySetupController(FirstRunSetup identitySetup) {
            return new SetupController(identitySetup);
        }
    }

    @Bean
    TokenService identityTokens(
            GuardedPasswords passwords,
            JdbcUserDetailsManager users,
            SigningKey key,
            JwtDecoder decoder,
            IdentitySettings settings,
            SecuritySettings security,
            IdentityAudit audit,
            JdbcClient jdbc,
            BadgeSignIns badges) {
        return new TokenService(
                passwords,
                users,
                key,
                decoder,
                settings,
                security,
                audit,
                CredentialVersions.of(jdbc),
                badges,
                Clock.systemUTC());
    }

    /** Tokens of a holder disabled, given a new password or other roles since are refused here at once. */
    @Bean
    TokenHolderCheck identityTokenHolderCheck(JdbcClient jdbc) {
        return new TokenHolderCheck(TokenService.holderCheck(CredentialVersions.of(jdbc)));
    }
}
