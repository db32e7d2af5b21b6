package com.linetrace.web;

import org.springframework.security.authentication.AuthenticationProvider;

/**
 * HTTP Basic on the API, offered only by a process that holds identity's users (the plant, the identity launcher), so
 * that station clients can keep sending a user name and password; apart from identity, a process takes only tokens.
 */
public record BasicSignIn(AuthenticationProvider passwords) {}
