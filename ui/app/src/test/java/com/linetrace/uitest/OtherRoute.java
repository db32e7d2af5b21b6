package com.linetrace.uitest;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/** A second page for browserless tests of what every page shows (outside com.linetrace.ui, like {@link BlankRoute}). */
@Route("other")
public class OtherRoute extends Div {}
