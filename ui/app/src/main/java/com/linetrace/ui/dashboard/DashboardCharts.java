package com.linetrace.ui.dashboard;

import com.linetrace.metrics.api.LinePerformance;
import com.linetrace.metrics.api.LinePerformance.HourlyOutput;
import com.linetrace.metrics.api.LinePerformance.StationPerformance;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The ECharts options of the dashboard's charts, from a line's performance. */
final class DashboardCharts {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private DashboardCharts() {}

    /** Units working and waiting at each station, stacked, in flow order. */
    static Map<String, Object> wip(List<StationPerformance> stations) {
        return Map.of(
                "animation", false,
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of("Working", "Waiting")),
                "grid", grid(),
                "xAxis",
                        Map.of(
                                "type",
                                "category",
                                "data",
                                stations.stream()
                                        .map(StationPerformance::station)
                                        .toList()),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series",
                        List.of(
                                bar(
                                        "Working",
                                        "#2e7d32",
                                        stations.stream()
                                                .map(StationPerformance::working)
                                                .toList(),
                                        "units"),
                                bar(
                                        "Waiting",
                                        "#f9a825",
                                        stations.stream()
                                                .map(StationPerformance::waiting)
                                                .toList(),
                                        "units")));
    }

    /** Units completed per hour over the last 24 hours, with the plan as a line. */
    static Map<String, Object> throughput(List<HourlyOutput> hours, ZoneId zone) {
        return Map.of(
                "animation", false,
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of("Completed", "Plan")),
                "grid", grid(),
                "xAxis",
                        Map.of(
                                "type",
                                "category",
                                "data",
                                hours.stream()
                                        .map(h -> HOUR.format(h.hour().atZone(zone)))
                                        .toList()),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series",
                        List.of(
                                bar(
                                        "Completed",
                                        "#1565c0",
                                        hours.stream()
                                                .map(HourlyOutput::completed)
                                                .toList(),
                                        null),
                                Map.of(
                                        "name", "Plan",
                                        "type", "line",
                                        "step", "middle",
                                        "color", "#6d4c41",
                                        "data",
                                                hours.stream()
                                                        .map(h -> round(h.planned()))
                                                        .toList())));
    }

    /** First-pass yield of each station over the last 24 hours, in percent. */
    static Map<String, Object> yield(List<StationPerformance> stations) {
        var measured = stations.stream().filter(s -> s.firstPassYield() != null).toList();
        return Map.of(
                "animation", false,
                "tooltip", Map.of("trigger", "axis"),
                "grid", grid(),
                "xAxis",
                        Map.of(
                                "type",
                                "category",
                                "data",
                                measured.stream()
                                        .map(StationPerformance::station)
                                        .toList()),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100),
                "series",
                        List.of(bar(
                                "First-pass yield %",
                                "#00838f",
                                measured.stream()
                                        .map(s -> round(100 * s.firstPassYield()))
                                        .toList(),
                                null)));
    }

    /** The line's most frequent defect codes, most frequent on top. */
    static Map<String, Object> defects(LinePerformance performance) {
        var defects = performance.topDefects().reversed();
        return Map.of(
                "animation", false,
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 140, "right", 16, "top", 16, "bottom", 30),
                "xAxis", Map.of("type", "value", "minInterval", 1),
                "yAxis",
                        Map.of(
                                "type",
                                "category",
                                "data",
                                defects.stream()
                                        .map(LinePerformance.DefectCount::code)
                                        .toList()),
                "series",
                        List.of(bar(
                                "Defects",
                                "#c62828",
                                defects.stream()
                                        .map(LinePerformance.DefectCount::count)
                                        .toList(),
                                null)));
    }

    private static Map<String, Object> grid() {
        return Map.of("left", 40, "right", 16, "top", 40, "bottom", 30);
    }

    private static Map<String, Object> bar(String name, String color, List<?> data, @Nullable String stack) {
        return stack == null
                ? Map.of("name", name, "type", "bar", "color", color, "data", data)
                : Map.of("name", name, "type", "bar", "stack", stack, "color", color, "data", data);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
