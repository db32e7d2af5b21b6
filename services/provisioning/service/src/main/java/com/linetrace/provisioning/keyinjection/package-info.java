/**
 * Key injection: verifies that a unit's secure element holds its own key (CSR proof of possession), certified by
 * the plant CA for this serial, and that no other unit ever had it. Stores public material only.
 */
@NullMarked
package com.linetrace.provisioning.keyinjection;

import org.jspecify.annotations.NullMarked;
