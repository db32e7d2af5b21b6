/**
 * Electronic signatures' password check: the signer's own password, re-entered for one decision, checked against the
 * plant's users ({@link com.linetrace.identity.api.Signatures}).
 */
@NullMarked
package com.linetrace.identity.signature;

import org.jspecify.annotations.NullMarked;
