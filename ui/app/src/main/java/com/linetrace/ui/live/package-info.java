/** Live unit events for open views: read from Kafka by every UI instance and handed to subscribed views. */
@NullMarked
package com.linetrace.ui.live;

import org.jspecify.annotations.NullMarked;
