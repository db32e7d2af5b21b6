package com.linetrace.web;

import org.springframework.http.HttpMethod;

/**
 * An API endpoint anyone may call without signing in, declared by the module that serves it (identity's sign-in and
 * its public key): every other API path needs a signed-in caller.
 */
public record OpenEndpoint(HttpMethod method, String path) {}
