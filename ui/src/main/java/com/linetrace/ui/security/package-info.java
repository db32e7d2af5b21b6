/** Who may open which screen: the UI's security filter chain (form login) and the login view. */
@NullMarked
package com.linetrace.ui.security;

import org.jspecify.annotations.NullMarked;
