/** How every service's api names its refusals, shared by the service answering and the client mapping them back. */
@NullMarked
package com.linetrace.contracts.problem;

import org.jspecify.annotations.NullMarked;
