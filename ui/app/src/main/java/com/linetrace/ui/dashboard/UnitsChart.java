package com.linetrace.ui.dashboard;

import com.linetrace.tracking.api.LineStatus.StationLoad;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Units working and waiting at each station, as stacked bars drawn by Apache ECharts. ECharts comes from its
 * webjar, served by the application itself: no npm package, no CDN. (Vaadin Charts is a commercial product.)
 */
@Tag("div")
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
class UnitsChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // The script may run before echarts.min.js has loaded on the first visit: it then waits for it.
    private static final String DRAW = """
            const el = this;
            const option = {
              animation: false,
              tooltip: { trigger: 'axis' },
              legend: { data: ['Working', 'Waiting'] },
              grid: { left: 40, right: 16, top: 40, bottom: 30 },
              xAxis: { type: 'category', data: JSON.parse($0) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { name: 'Working', type: 'bar', stack: 'units', color: '#2e7d32', data: JSON.parse($1) },
                { name: 'Waiting', type: 'bar', stack: 'units', color: '#f9a825', data: JSON.parse($2) }
              ]
            };
            const draw = (attempt) => {
              if (!window.echarts) {
                if (attempt < 100) setTimeout(() => draw(attempt + 1), 100);
                return;
              }
              if (!el.$chart || el.$chart.isDisposed()) {
                el.$chart = window.echarts.init(el);
                new ResizeObserver(() => el.$chart.resize()).observe(el);
              }
              el.$chart.setOption(option, true);
            };
            draw(0);
            """;

    private List<StationLoad> loads = List.of();

    UnitsChart() {
        setId("units-chart");
        setWidthFull();
        setHeight("320px");
        // A re-attached view gets a new element in the browser: draw it again.
        addAttachListener(attach -> draw());
    }

    void show(List<StationLoad> loads) {
        this.loads = List.copyOf(loads);
        draw();
    }

    List<StationLoad> loads() {
        return loads;
    }

    private void draw() {
        getElement()
                .executeJs(
                        DRAW,
                        JSON.writeValueAsString(
                                loads.stream().map(StationLoad::stationId).toList()),
                        JSON.writeValueAsString(
                                loads.stream().map(StationLoad::working).toList()),
                        JSON.writeValueAsString(
                                loads.stream().map(StationLoad::waiting).toList()));
    }
}
