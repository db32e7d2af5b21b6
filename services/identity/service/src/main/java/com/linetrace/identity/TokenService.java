package com.linetrace.identity;

import com.linetrace.contracts.DatabaseUnreachable;
import com.linetrace.contracts.action.SignedIn;
import com.linetrace.contracts.action.SignedOut;
import com.linetrace.identity.api.BadgeSignIn;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.IssuedToken;
import com.linetrace.identity.api.SignIn;
import com.linetrace.identity.api.Tokens;
import com.linetrace.web.BearerTokens;
import com.linetrace.web.SecuritySettings;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity's sign-in, in process (the plant's UI calls this bean) and over HTTP ({@code /api/tokens}, the same
 * {@link Tokens} interface): checks a name and password against the plant's users and equipment, or a badge and PIN
 * at a station terminal ({@link BadgeSignIns}), and signs a short-lived token with their roles. A refusal is logged
 * with the name, never the password or PIN.
 */
@RestController
class TokenService implements Tokens {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    /** When the holder signed in with a password: renewals keep it, so a session ends {@code max-session} after it. */
    static final String AUTH_TIME = "auth_time";

    /**
     * The holder's credential version when the token was issued: in a process holding identity's users, a token whose
     * holder has since been disabled, given a new password or other roles is refused at once ({@link #holderCheck}).
     */
    static final String CREDENTIAL_VERSION = "cv";

    /**
     * How the holder signed in (RFC 8176's claim): {@code ["badge", "pin"]} for a badge at a station terminal, whose
     * session is the terminal's (shorter); absent for a password. Renewals keep it.
     */
    static final String AMR = "amr";

    static final List<String> BY_BADGE = List.of("badge", "pin");

    private final AuthenticationProvider passwords;
    private final UserDetailsService users;
    private final SigningKey key;
    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final IdentitySettings.Token settings;
    private final SecuritySettings.Token verification;
    private final IdentityAudit audit;
    private final CredentialVersions versions;
    private final BadgeSignIns badges;
    private final Clock clock;

    TokenService(
            AuthenticationProvider passwords,
            UserDetailsService users,
            SigningKey key,
            JwtDecoder decoder,
            IdentitySettings settings,
            SecuritySettings security,
            IdentityAudit audit,
            CredentialVersions versions,
            BadgeSignIns badges,
            Clock clock) {
        this.versions = versions;
        this.badges = badges;
        this.passwords = passwords;
        this.users = users;
        this.key = key;
        this.decoder = decoder;
        this.settings = settings.token();
        this.verification = security.token();
        this.clock = clock;
        this.audit = audit;
        this.encoder = NimbusJwtEncoder.withKeyPair(key.publicKey(), key.privateKey())
                .algorithm(SignatureAlgorithm.RS256)
                .jwkPostProcessor(jwk -> jwk.keyID(key.id()))
                .build();
    }

    @PermitAll
    @Override
    public IssuedToken issue(SignIn signIn) {
        org.springframework.security.core.Authentication signedIn;
        // Read before the check: a change made meanwhile leaves the token an older version, refused at its first use.
        Long version;
        try {
            version = versions.of(signIn.username());
            // Throttled, counted and audited by the guarded passwords, before and after the hash check.
            signedIn = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(signIn.username(), signIn.password()));
        } catch (GuardedPasswords.SignInLocked e) {
            throw IdentityProblem.TOO_MANY_SIGN_INS.exception(
                    "Too many failed sign-ins for this name or from this address: try again after " + e.until());
        } catch (AuthenticationException e) {
            if (DatabaseUnreachable.causes(e) && e.getCause() instanceof RuntimeException unreachable) {
                // Not the user's fault: the edges answer 503 and the user tries again.
                throw unreachable;
            }
            throw IdentityProblem.INVALID_CREDENTIALS.exception("Wrong user name or password");
        }
        if (signedIn == null || !signedIn.isAuthenticated() || version == null) {
            throw IdentityProblem.INVALID_CREDENTIALS.exception("Wrong user name or password");
        }
        var roles = roles(signedIn.getAuthorities());
        audit.record(signedIn.getName(), ClientAddress.current(), new SignedIn(signedIn.getName(), roles));
        log.debug("Signed in '{}'", GuardedPasswords.printable(signedIn.getName()));
        return sign(signedIn.getName(), roles, clock.instant(), version, null);
    }

    @PermitAll
    @Override
    public IssuedToken issueForBadge(BadgeSignIn signIn) {
        // Throttled, counted and audited by the badge checks, before and after the PIN's hash check.
        var person = badges.signIn(signIn.badge(), signIn.pin());
        audit.record(
                person.username(),
                ClientAddress.current(),
                new SignedIn(person.username(), person.roles(), SignedIn.BADGE));
        log.debug("Signed in '{}' by badge", GuardedPasswords.printable(person.username()));
        return sign(person.username(), person.roles(), clock.instant(), person.credentialVersion(), BY_BADGE);
    }

    @PermitAll
    @Override
    public void signOut(@Nullable String reason) {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller.getName().isBlank()) {
            return;
        }
        audit.record(
                caller.getName(),
                ClientAddress.current(),
                new SignedOut(caller.getName(), "timed-out".equals(reason) ? "timed-out" : "signed-out"));
        log.debug("Signed out '{}'", GuardedPasswords.printable(caller.getName()));
    }

    @PermitAll
    @Override
    public IssuedToken renew() {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer)) {
            throw IdentityProblem.TOKEN_NOT_RENEWABLE.exception(
                    "Only a token can be renewed: sign in with POST /api/tokens");
        }
        Jwt token;
        try {
            // Again, even in process: whoever built this Authentication, only a token this identity signed renews.
            token = decoder.decode(bearer.getToken().getTokenValue());
        } catch (JwtException e) {
            throw IdentityProblem.TOKEN_NOT_RENEWABLE.exception("The token is no longer valid: sign in again");
        }
        var signedInAt = token.getClaimAsInstant(AUTH_TIME);
        if (signedInAt == null || signedInAt.plus(settings.maxSession()).isBefore(clock.instant())) {
            throw IdentityProblem.TOKEN_NOT_RENEWABLE.exception("The session is over: sign in again");
        }
        var version = versions.of(token.getSubject());
        org.springframework.security.core.userdetails.UserDetails holder;
        try {
            holder = users.loadUserByUsername(token.getSubject());
        } catch (UsernameNotFoundException e) {
            holder = null;
        }
        if (holder == null
                || version == null
                || !holder.isEnabled()
                || !holder.isAccountNonLocked()
                || !holder.isAccountNonExpired()) {
            log.warn(
                    "Refused to renew the token of '{}': no longer enabled",
                    GuardedPasswords.printable(token.getSubject()));
            throw IdentityProblem.TOKEN_NOT_RENEWABLE.exception("This user is no longer enabled");
        }
        var roles = roles(holder.getAuthorities());
        var amr = token.getClaimAsStringList(AMR);
        if (amr != null && amr.contains("badge")) {
            // A badge session stays one: only the badge roles, and none for a holder who has become an admin.
            roles = badges.allowed(roles);
            if (roles.isEmpty()) {
                throw IdentityProblem.TOKEN_NOT_RENEWABLE.exception(
                        "This user may no longer sign in by badge: sign in again");
            }
        }
        return sign(holder.getUsername(), roles, signedInAt, version, amr);
    }

    @PermitAll
    @Override
    public String publicKey() {
        return BearerTokens.pem(key.publicKey());
    }

    /**
     * Refuses a token whose holder's credential version is no longer the one it was issued with (or who is no longer
     * enabled): one indexed read per call, in the processes that hold identity's users.
     */
    static OAuth2TokenValidator<Jwt> holderCheck(CredentialVersions versions) {
        return token -> {
            Long current;
            try {
                current = versions.of(token.getSubject());
            } catch (RuntimeException e) {
                if (!DatabaseUnreachable.causes(e)) {
                    throw e;
                }
                // The database is away: the token's signature and expiry still hold, and nothing it opens can be
                // recorded until the database is back, so the call goes on to say so (a scan: not recorded, 503)
                // rather than fail here with no answer.
                log.warn("Could not check {}'s credential version, the database is not reachable", token.getSubject());
                return OAuth2TokenValidatorResult.success();
            }
            if (current != null
                    && token.getClaims().get(CREDENTIAL_VERSION) instanceof Number issued
                    && issued.longValue() == current) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    "invalid_token",
                    "The holder was disabled, given a new password or other roles since this token was issued",
                    null));
        };
    }

    private IssuedToken sign(
            String subject, List<String> roles, Instant signedInAt, long version, @Nullable List<String> amr) {
        var now = clock.instant();
        var expires = now.plus(settings.lifetime());
        var claims = JwtClaimsSet.builder()
                .issuer(verification.issuer())
                .audience(List.of(verification.audience()))
                .subject(subject)
                .issuedAt(now)
                .expiresAt(expires)
                .id(UUID.randomUUID().toString())
                .claim(BearerTokens.ROLES_CLAIM, roles)
                .claim(AUTH_TIME, signedInAt.getEpochSecond())
                .claim(CREDENTIAL_VERSION, version)
                .claims(all -> {
                    if (amr != null) {
                        all.put(AMR, amr);
                    }
                })
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256)
                .type("JWT")
                .keyId(key.id())
                .build();
        var jwt = encoder.encode(JwtEncoderParameters.from(header, claims));
        return new IssuedToken(jwt.getTokenValue(), "Bearer", expires);
    }

    private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
    }
}
