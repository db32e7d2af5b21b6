package com.linetrace.web;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A further check of every token, offered by identity in a process that holds its users: that the holder's
 * credentials are still those the token was issued for (not disabled, same password, same roles). Apart from identity
 * a process has none and relies on the token's short lifetime.
 */
public record TokenHolderCheck(OAuth2TokenValidator<Jwt> validator) {}
