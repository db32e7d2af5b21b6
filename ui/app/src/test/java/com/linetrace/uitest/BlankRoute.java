package com.linetrace.uitest;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

/**
 * The only route of browserless view tests (outside com.linetrace.ui, so the UI application never sees it): they build the view under test with fakes and add it to the UI
 * themselves, while the real views need Spring to be created by the router.
 */
@Route("")
public class BlankRoute extends Div {}
