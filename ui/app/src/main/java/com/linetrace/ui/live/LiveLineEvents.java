package com.linetrace.ui.live;

import com.linetrace.contracts.line.LineEventEnvelope;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Line events as they happen (andon alerts raised, acknowledged, cleared; work orders released), for what a UI
 * instance keeps per line. Listeners run on the broadcaster's thread, never in a UI's lock.
 */
public interface LiveLineEvents {

    Registration subscribeToLines(Consumer<LineEventEnvelope> listener);
}
