package com.linetrace.provisioning.api;

/** A release that cannot be registered, approved or revoked as asked; the message says why in words. */
public class ReleaseRefusedException extends RuntimeException {

    public ReleaseRefusedException(String message) {
        super(message);
    }
}
