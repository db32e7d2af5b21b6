package com.linetrace.ui.blank;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/**
 * The only route of browserless view tests: they build the view under test with fakes and add it to the UI
 * themselves, while the real views need Spring to be created by the router.
 */
@Route("")
public class BlankRoute extends Div {}
