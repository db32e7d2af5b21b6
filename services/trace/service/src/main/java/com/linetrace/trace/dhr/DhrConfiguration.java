package com.linetrace.trace.dhr;

import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.trace.TraceSettings;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.web.export.ExportDesk;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Device history records: the service (in-process binding) and its controller. */
@Configuration(proxyBeanMethods = false)
public class DhrConfiguration {

    /**
     * Built on trace's own {@link UnitTrace} bean by name: a UI in the same process may make an HTTP client of
     * {@link UnitTrace} the primary one, and the record must come from this trace's read model.
     */
    @Bean
    DeviceHistoryRecordService traceDeviceHistoryRecordService(
            @Qualifier("traceUnitTraceService") UnitTrace traceUnitTraceService,
            @Qualifier("traceMessaging") ServiceMessaging traceMessaging,
            PlatformTransactionManager transactionManager,
            TraceSettings settings,
            ExportDesk exports) {
        return new DeviceHistoryRecordService(
                traceUnitTraceService,
                traceMessaging.outbox(),
                transactionManager,
                Clock.systemUTC(),
                settings.plant(),
                exports);
    }

    /**
     * Not a candidate where a {@link DeviceHistoryRecords} is injected: it implements the interface only to take its
     * HTTP mappings, and the in-process binding is the service.
     */
    @Bean(autowireCandidate = false)
    DhrController traceDhrController(DeviceHistoryRecordService traceDeviceHistoryRecordService) {
        return new DhrController(traceDeviceHistoryRecordService);
    }
}
