package com.linetrace.ui.live;

import com.linetrace.contracts.EventEnvelope;
import com.linetrace.contracts.unit.UnitEvent;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Unit events as they happen, for open views. A view subscribes when it is attached and removes the
 * subscription when it is detached. Listeners run on a thread of the broadcaster, never on the Kafka consumer's
 * and never inside a UI's lock: a listener changes its UI only inside {@code ui.access(...)}.
 */
public interface LiveUnitEvents {

    Registration subscribe(Consumer<EventEnvelope<UnitEvent>> listener);
}
