package com.linetrace.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity: the plant's users and equipment, and the tokens it signs for them.
 *
 * @param enabled whether this process holds identity (its users, its tables, its sign-in); {@code false} runs a
 *     process that has identity on its class path as one apart from it, taking identity's tokens only
 * @param demoUsers create the documented demo users (one per role) and the {@code demoEquipment} at start; for the
 *     demo plant only
 * @param credentialCache how long a successful HTTP Basic sign-in is remembered (as a keyed hash), sparing the
 *     password hash check on every call; 0 turns it off
 * @param equipment the station equipment the plant registered (flash fixtures, key stations): equipment id to the
 *     hash of its secret as a password encoder writes it ({@code {bcrypt}$2a$…}); each signs in with its id and
 *     secret and holds the role {@code EQUIPMENT} only. A plain-text secret stops the start
 * @param demoEquipment equipment ids created with {@code demoUsers}, each with its id as secret; for the demo only
 * @param token the tokens identity signs
 * @param plant the plant's id in the audit actions identity sends (sign-ins, user changes)
 * @param signIn how failed sign-ins are limited, per name and per client address, across every identity instance
 * @param demoUsersFound what a start outside the demo ({@code demoUsers} false) does when the data directory holds the
 *     demo plant's users: {@code refuse} to start (saying why), or {@code remove} them (each an audit action)
 * @param setupCodeFile where the first-run setup writes its one-time code, readable by the owner only; by default
 *     {@code identity-setup-code} in {@code linetrace.data-dir} ({@code ~/.linetrace})
 * @param passwordMinLength the shortest password a person may be given
 * @param badge sign-in at a station terminal with a badge and PIN
 */
@ConfigurationProperties("linetrace.identity")
record IdentitySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("2m") Duration credentialCache,
        @DefaultValue Map<String, String> equipment,
        @DefaultValue List<String> demoEquipment,
        @NestedConfigurationProperty @DefaultValue Token token,
        @DefaultValue("CA1") String plant,
        @NestedConfigurationProperty @DefaultValue SignInLimits signIn,
        @DefaultValue("refuse") DemoUsersFound demoUsersFound,
        @Nullable Path setupCodeFile,
        @DefaultValue("12") int passwordMinLength,
        @NestedConfigurationProperty @DefaultValue Badge badge) {

    /**
     * Sign-in at a shared station terminal: a badge scanned, then a PIN typed (DD022).
     *
     * @param roles the roles a badge sign-in's token may carry; a person's other roles need a password sign-in. Never
     *     {@code ADMIN} (the start refuses it): an admin signs in with a password only, and is given no badge
     * @param pinMinLength the fewest digits a PIN has (4 at least; 12 at most)
     */
    record Badge(
            @DefaultValue({"OPERATOR", "SUPERVISOR"}) List<String> roles,
            @DefaultValue("6") int pinMinLength) {

        Badge {
            roles = List.copyOf(roles);
            for (var role : roles) {
                if (!com.linetrace.contracts.Roles.ALL.contains(role)
                        || com.linetrace.contracts.Roles.ADMIN.equals(role)) {
                    throw new IllegalArgumentException("linetrace.identity.badge.roles: '" + role
                            + "' may not sign in by badge (an admin signs in with a password only)");
                }
            }
            if (pinMinLength < 4 || pinMinLength > 12) {
                throw new IllegalArgumentException("linetrace.identity.badge.pin-min-length is 4 to 12");
            }
        }
    }

    /** What a start outside the demo does with the demo users it finds. */
    enum DemoUsersFound {
        REFUSE,
        REMOVE
    }

    /**
     * Failed sign-ins, counted in identity's schema so that every instance sees them, and checked before any password
     * hash: a locked name or address costs one indexed read (or none, once this instance knows the lock).
     *
     * @param maxFailuresPerUser failures for one name within {@code window} before the name is locked
     * @param maxFailuresPerAddress failures from one client address within {@code window} before it is locked (higher:
     *     a shared terminal or a proxy signs in many people)
     * @param window how long failures are counted together
     * @param lockout how long a locked name or address is refused (429), even with the right password
     * @param maxFailuresPerBadge failed badge sign-ins (wrong PINs) of one badge within {@code window} before the badge
     *     is locked for {@code lockout}: fewer than for a name, since a PIN has far fewer possibilities than a password
     */
    record SignInLimits(
            @DefaultValue("5") int maxFailuresPerUser,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("5m") Duration lockout,
            @DefaultValue("3") int maxFailuresPerBadge) {}

    /**
     * The tokens identity signs ({@code POST /api/tokens}); their issuer and audience are
     * {@code linetrace.security.token.*}, shared with every process that verifies them.
     *
     * @param signingKey the private key tokens are signed with: a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----},
     *     RSA, 2048 bits or more), a secret the operator provides and keeps (readable by this process only). LineTrace
     *     reads it at start and never stores, logs or serves it; it serves only the public half
     * @param throwAwayKey with no {@code signingKey}, make a key pair in memory at start (implied by
     *     {@code linetrace.identity.demo-users}): fit only where nothing outside this process verifies its tokens, as
     *     in the plant; a restart ends every token. Without either, identity does not start
     * @param lifetime how long a token is valid; a disabled user keeps access at most this long
     * @param maxSession how long after signing in with a password a token can still be renewed
     */
    record Token(
            @Nullable Path signingKey,
            @DefaultValue("false") boolean throwAwayKey,
            @DefaultValue("10m") Duration lifetime,
            @DefaultValue("12h") Duration maxSession) {}
}
