package com.linetrace.ui.remote;

import com.linetrace.audit.api.AuditLedger;
import com.linetrace.audit.api.AuditProblem;
import com.linetrace.deadletter.api.DeadLetterProblem;
import com.linetrace.deadletter.api.DeadLetters;
import com.linetrace.identity.api.IdentityProblem;
import com.linetrace.identity.api.Setup;
import com.linetrace.identity.api.Tokens;
import com.linetrace.identity.api.Users;
import com.linetrace.metrics.api.LineMetrics;
import com.linetrace.metrics.api.MetricsProblem;
import com.linetrace.metrics.api.ShiftReports;
import com.linetrace.provisioning.api.FirmwareReleaseCatalog;
import com.linetrace.provisioning.api.ProvisioningProblem;
import com.linetrace.trace.api.DeviceHistoryRecords;
import com.linetrace.trace.api.TraceProblem;
import com.linetrace.trace.api.UnitHistory;
import com.linetrace.trace.api.UnitSearch;
import com.linetrace.trace.api.UnitTrace;
import com.linetrace.trace.api.WhereUsed;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.StationOperations;
import com.linetrace.tracking.api.TrackingProblem;
import com.linetrace.tracking.api.UnitHolds;
import com.linetrace.tracking.api.UnitStatuses;
import com.linetrace.tracking.api.WorkOrderPlanning;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The HTTP binding of each api the UI calls, made where its service's base URL is set. Primary, so that a UI with a
 * service's URL set calls it over HTTP even in a process that also holds that service (the in-process bean is
 * otherwise the one injected).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemoteSettings.class)
public class RemoteServices {

    @Bean
    RemoteApis linetraceRemoteApis(RemoteSettings settings) {
        return new RemoteApis(settings);
    }

    /** The UI's sign-in and token renewal, where identity runs apart. */
    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.identity")
    Tokens remoteTokens(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "identity", Objects.requireNonNull(settings.identity()), Tokens.class, IdentityProblem.class);
    }

    /** User administration, where identity runs apart. */
    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.identity")
    Users remoteUsers(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "identity", Objects.requireNonNull(settings.identity()), Users.class, IdentityProblem.class);
    }

    /** The first-run setup, where identity runs apart. */
    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.identity")
    Setup remoteSetup(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "identity", Objects.requireNonNull(settings.identity()), Setup.class, IdentityProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.trace")
    UnitHistory remoteUnitHistory(RemoteApis remote, RemoteSettings settings) {
        return remote.client("trace", Objects.requireNonNull(settings.trace()), UnitHistory.class, TraceProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.trace")
    UnitTrace remoteUnitTrace(RemoteApis remote, RemoteSettings settings) {
        return remote.client("trace", Objects.requireNonNull(settings.trace()), UnitTrace.class, TraceProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.trace")
    WhereUsed remoteWhereUsed(RemoteApis remote, RemoteSettings settings) {
        return remote.client("trace", Objects.requireNonNull(settings.trace()), WhereUsed.class, TraceProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.trace")
    UnitSearch remoteUnitSearch(RemoteApis remote, RemoteSettings settings) {
        return remote.client("trace", Objects.requireNonNull(settings.trace()), UnitSearch.class, TraceProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.trace")
    DeviceHistoryRecords remoteDeviceHistoryRecords(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "trace", Objects.requireNonNull(settings.trace()), DeviceHistoryRecords.class, TraceProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.provisioning")
    FirmwareReleaseCatalog remoteFirmwareReleaseCatalog(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "provisioning",
                Objects.requireNonNull(settings.provisioning()),
                FirmwareReleaseCatalog.class,
                ProvisioningProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.deadletter")
    DeadLetters remoteDeadLetters(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "dead-letter",
                Objects.requireNonNull(settings.deadletter()),
                DeadLetters.class,
                DeadLetterProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.tracking")
    StationOperations remoteStationOperations(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "tracking",
                Objects.requireNonNull(settings.tracking()),
                StationOperations.class,
                TrackingProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.tracking")
    UnitHolds remoteUnitHolds(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "tracking", Objects.requireNonNull(settings.tracking()), UnitHolds.class, TrackingProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.tracking")
    WorkOrderPlanning remoteWorkOrderPlanning(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "tracking",
                Objects.requireNonNull(settings.tracking()),
                WorkOrderPlanning.class,
                TrackingProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.tracking")
    MasterDataEditor remoteMasterDataEditor(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "tracking", Objects.requireNonNull(settings.tracking()), MasterDataEditor.class, TrackingProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.tracking")
    UnitStatuses remoteUnitStatuses(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "tracking", Objects.requireNonNull(settings.tracking()), UnitStatuses.class, TrackingProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.metrics")
    LineMetrics remoteLineMetrics(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "metrics", Objects.requireNonNull(settings.metrics()), LineMetrics.class, MetricsProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.metrics")
    ShiftReports remoteShiftReports(RemoteApis remote, RemoteSettings settings) {
        return remote.client(
                "metrics", Objects.requireNonNull(settings.metrics()), ShiftReports.class, MetricsProblem.class);
    }

    @Bean
    @Primary
    @ConditionalOnProperty("linetrace.ui.remote.audit")
    AuditLedger remoteAuditLedger(RemoteApis remote, RemoteSettings settings) {
        return remote.client("audit", Objects.requireNonNull(settings.audit()), AuditLedger.class, AuditProblem.class);
    }
}
