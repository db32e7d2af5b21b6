package com.linetrace.identity.signature;

import com.linetrace.contracts.Roles;
import com.linetrace.identity.api.SignatureCredential;
import com.linetrace.identity.api.SignatureProblem;
import com.linetrace.identity.api.Signatures;
import com.linetrace.identity.api.Signer;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks that a re-entered password is the signed-in caller's own, against the user's row as it is now (enabled,
 * roles), not as their token remembers it. A refusal is logged with the name, never the password; the service whose
 * decision it was records it in the ledger.
 */
@RestController
class SignatureService implements Signatures {

    private static final Logger log = LoggerFactory.getLogger(SignatureService.class);

    private final UserDetailsService users;
    private final PasswordEncoder encoder;

    SignatureService(UserDetailsService users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    @Override
    public Signer verify(SignatureCredential credential) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("Sign in to sign");
        }
        var name = authentication.getName();
        try {
            var user = users.loadUserByUsername(name);
            if (!user.isEnabled()
                    || !user.isAccountNonLocked()
                    || user.getPassword() == null
                    || !encoder.matches(credential.password(), user.getPassword())) {
                throw refused(name);
            }
            var roles = user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role)
                    .sorted()
                    .toList();
            // The plant's users have no full name yet: the user name is what the record prints.
            return new Signer(name, name, roles);
        } catch (UsernameNotFoundException e) {
            throw refused(name);
        }
    }

    private static RuntimeException refused(String name) {
        log.warn("Signature refused for {}: the re-entered password is not theirs, or they are disabled", name);
        return SignatureProblem.SIGNATURE_REFUSED.exception(
                "The password is not yours, or you may not sign now: nothing was signed");
    }
}
