package com.linetrace.metrics.api;

/**
 * A wallboard just issued, with its token: the one time the token is seen (metrics keeps only its hash). The TV opens
 * {@code /wallboard?token=<token>}.
 */
public record IssuedWallboard(Wallboard wallboard, String token) {}
