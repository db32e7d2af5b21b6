/**
 * Nothing secret: recognises private key material in any payload so that it is refused before anything reads,
 * stores or logs it — in REST bodies and Kafka records, and on the way to the dead-letter topic.
 */
@NullMarked
package com.linetrace.provisioning.secrets;

import org.jspecify.annotations.NullMarked;
