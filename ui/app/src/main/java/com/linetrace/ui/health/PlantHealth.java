package com.linetrace.ui.health;

import com.vaadin.flow.shared.Registration;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the plant's database answers, checked every two seconds for the whole UI (one check per JVM, however
 * many screens are open) and pushed to the screens when it changes, so a terminal shows the plant as degraded
 * before a worker scans, and clears by itself when the database is back.
 */
@Component
public class PlantHealth implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlantHealth.class);

    private final ObjectProvider<DataSource> dataSource;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ui-plant-health").daemon().factory());
    private volatile boolean databaseReachable = true;

    PlantHealth(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
        checks.scheduleWithFixedDelay(this::check, 2, 2, TimeUnit.SECONDS);
    }

    public boolean databaseReachable() {
        return databaseReachable;
    }

    /** Calls {@code listener} with {@code true} (reachable) or {@code false} each time that changes. */
    public Registration subscribe(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void check() {
        var source = dataSource.getIfAvailable();
        if (source == null) {
            return;
        }
        boolean reachable = answers(source);
        if (reachable != databaseReachable) {
            databaseReachable = reachable;
            log.warn(reachable ? "The plant database is reachable again" : "The plant database is not reachable");
            listeners.forEach(listener -> listener.accept(reachable));
        }
    }

    private static boolean answers(DataSource source) {
        try (var connection = source.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
