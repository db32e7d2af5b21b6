/**
 * Where each unit is, learnt only from tracking's unit events: its model, its line and the station it is checked in
 * at. Equipment results are accepted only for a unit that is where the equipment is.
 */
@NullMarked
package com.linetrace.provisioning.unit;

import org.jspecify.annotations.NullMarked;
