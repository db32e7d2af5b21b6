/** Master data for engineers and admins: lines and their stations, product models and their route versions. */
@NullMarked
package com.linetrace.ui.masterdata;

import org.jspecify.annotations.NullMarked;
