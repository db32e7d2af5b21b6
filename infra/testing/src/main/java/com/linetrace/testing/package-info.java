/** Integration-test support: real PostgreSQL and Kafka started once per test JVM, behind {@link IntegrationTest}. */
@NullMarked
package com.linetrace.testing;

import org.jspecify.annotations.NullMarked;
