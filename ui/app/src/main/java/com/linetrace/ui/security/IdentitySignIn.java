package com.linetrace.ui.security;

import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.BadgeSignIn;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.IssuedToken;
import com.linetrace.identity.api.SignIn;
import com.linetrace.identity.api.Tokens;
import com.linetrace.web.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Signs a person in at the login view through identity's api ({@link Tokens}: the bean in the plant, an HTTP client
 * apart), with a name and password or, from the badge form, a badge and PIN: the session then holds identity's token as a {@link JwtAuthenticationToken}, whose roles the views and the
 * services check and whose value the UI's HTTP clients send as the bearer. No password is kept.
 */
final class IdentitySignIn implements AuthenticationProvider {

    private final Tokens tokens;
    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter = BearerTokens.authentication();

    IdentitySignIn(Tokens tokens, JwtDecoder decoder) {
        this.tokens = tokens;
        this.decoder = decoder;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        IssuedToken issued;
        try {
            issued = authentication.getDetails() instanceof ByBadge
                    ? tokens.issueForBadge(new BadgeSignIn(authentication.getName(), password))
                    : tokens.issue(new SignIn(authentication.getName(), password));
        } catch (ProblemException e) {
            if (e.problem() == IdentityProblem.TOO_MANY_SIGN_INS) {
                throw new LockedException(String.valueOf(e.getMessage()));
            }
            throw new BadCredentialsException(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // Identity could not check the password at all (its database away): the login view says so, no 500.
            throw new InternalAuthenticationServiceException("Sign-in is not possible right now", e);
        }
        return authenticated(issued);
    }

    /**
     * What the sign-in form's request says when it came from the badge form ({@code POST /login?badge}): the name is
     * the badge scanned, the password the PIN.
     */
    record ByBadge() {}

    /** The form's details: {@link ByBadge} for the badge form, nothing for the password form. */
    static @Nullable Object details(HttpServletRequest request) {
        return request.getParameter(LoginView.BADGE) != null ? new ByBadge() : null;
    }

    /** Identity's token as the session's authentication, verified as every service verifies it. */
    JwtAuthenticationToken authenticated(IssuedToken issued) {
        return (JwtAuthenticationToken) converter.convert(decoder.decode(issued.accessToken()));
    }

    /**
     * Whether the session's token still verifies: in a process holding identity's users that includes its holder's
     * check, so a person disabled, given a new password or other roles since is signed out at their next request.
     */
    boolean stillValid(JwtAuthenticationToken current) {
        try {
            decoder.decode(current.getToken().getTokenValue());
            return true;
        } catch (JwtException e) {
            return false;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
