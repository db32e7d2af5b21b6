/**
 * One contract suite per api interface, run against both of its bindings: the plant's in-process bean, and the
 * UI's HTTP client calling the service running apart. The abstract {@code *Contract} classes call only the
 * interface; their subclasses say which binding answers.
 */
@NullMarked
package com.linetrace.plant.contract;

import org.jspecify.annotations.NullMarked;
