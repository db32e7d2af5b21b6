package com.linetrace.trace.dhr;

import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.AuditProblem;
import com.linetrace.messaging.ServiceMessaging;
import com.linetrace.trace.TraceSettings;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.web.ServiceClients;
import com.linetrace.web.export.ExportDesk;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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
    /**
     * The record's proofs come from the audit ledger: over HTTP at {@code linetrace.trace.audit-url} where trace runs
     * apart from audit, otherwise the ledger of this process (the plant), by its name, looked up when a record is
     * made.
     */
    @Bean
    DeviceHistoryRecordService traceDeviceHistoryRecordService(
            @Qualifier("traceUnitTraceService") UnitTrace traceUnitTraceService,
            @Qualifier("traceMessaging") ServiceMessaging traceMessaging,
            @Qualifier("auditLedgerService") ObjectProvider<AuditLedger> auditLedgerService,
            PlatformTransactionManager transactionManager,
            TraceSettings settings,
            ExportDesk exports) {
        var url = settings.auditUrl();
        var remote = url == null
                ? null
                : ServiceClients.client(
                        "audit", url, AuditLedger.class, AuditProblem.class, TraceProblem.AUDIT_LEDGER_UNREACHABLE);
        return new DeviceHistoryRecordService(
                traceUnitTraceService,
                remote != null ? () -> remote : auditLedgerService::getIfAvailable,
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
