package com.linetrace.metrics.andon;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.metrics.MetricsSettings;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The andon: its alerts, the rules that raise and clear them, and the listeners keeping the facts they read. */
@Configuration(proxyBeanMethods = false)
public class AndonConfiguration {

    @Bean
    Alerts metricsAlerts(
            JdbcClient jdbc,
            @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging,
            MetricsSettings settings) {
        return new Alerts(jdbc, metricsMessaging.outbox(), settings.plant());
    }

    @Bean
    Andon metricsAndon(Alerts metricsAlerts) {
        return new Andon(metricsAlerts, Clock.systemUTC());
    }

    @Bean
    AndonRules metricsAndonRules(
            JdbcClient jdbc, Alerts metricsAlerts, TransactionTemplate transactions, AndonSettings settings) {
        return new AndonRules(jdbc, metricsAlerts, transactions, settings, Clock.systemUTC());
    }

    @Bean
    AndonListeners metricsAndonListeners(
            JdbcClient jdbc, @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging) {
        return new AndonListeners(jdbc);
    }
}
