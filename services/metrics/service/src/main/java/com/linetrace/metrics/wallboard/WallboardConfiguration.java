package com.linetrace.metrics.wallboard;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.web.OpenEndpoint;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wallboards: their tokens, and the one API path a TV calls without a person's sign-in (its token is its key). */
@Configuration(proxyBeanMethods = false)
public class WallboardConfiguration {

    @Bean
    WallboardTokens metricsWallboardTokens(
            JdbcClient jdbc, @Qualifier("metricsMessaging") ServiceMessaging metricsMessaging) {
        return new WallboardTokens(jdbc, Clock.systemUTC());
    }

    @Bean
    OpenEndpoint metricsWallboardBoard() {
        return new OpenEndpoint(HttpMethod.GET, "/api/metrics/wallboard");
    }
}
