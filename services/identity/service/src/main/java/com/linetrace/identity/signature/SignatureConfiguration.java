package com.linetrace.identity.signature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The signature check, in process and at {@code /api/signatures}. */
@Configuration(proxyBeanMethods = false)
public class SignatureConfiguration {

    @Bean
    SignatureService identitySignatures(UserDetailsService users, PasswordEncoder encoder) {
        return new SignatureService(users, encoder);
    }
}
