/** Who may open which screen and do what there: the UI's security filter chain (form login), the login view, the viewer. */
@NullMarked
package com.linetrace.ui.security;

import org.jspecify.annotations.NullMarked;
