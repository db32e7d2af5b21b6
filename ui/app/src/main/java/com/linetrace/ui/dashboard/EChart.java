package com.linetrace.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn by Apache ECharts from an option built in Java. ECharts comes from its webjar, served by the
 * application itself: no npm package, no CDN. (Vaadin Charts is a commercial product.)
 */
@Tag("div")
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
class EChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // The script may run before echarts.min.js has loaded on the first visit: it then waits for it.
    private static final String DRAW = """
            const el = this;
            const option = JSON.parse($0);
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

    private String option = "{}";

    EChart(String id, String height) {
        setId(id);
        setWidthFull();
        setHeight(height);
        // A re-attached view gets a new element in the browser: draw it again.
        addAttachListener(attach -> draw());
    }

    /** Draws the chart with this ECharts option (its JSON form), replacing what it showed. */
    void show(Map<String, Object> option) {
        var json = JSON.writeValueAsString(option);
        if (!json.equals(this.option)) {
            this.option = json;
            draw();
        }
    }

    /** The option shown, as JSON. */
    String option() {
        return option;
    }

    private void draw() {
        getElement().executeJs(DRAW, option);
    }
}
