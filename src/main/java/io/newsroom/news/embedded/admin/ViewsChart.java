package io.newsroom.news.embedded.admin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import elemental.json.Json;
import elemental.json.JsonArray;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Views per day as a line chart (Chart.js): dates on one axis, views on the other, the day's number
 * on hover or touch; it fills the width it is given, a phone's too. The numbers are also in a table
 * for screen readers (and for anyone without scripts).
 */
final class ViewsChart extends Div {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM", Locale.ROOT);

    private final JsonArray labels = Json.createArray();
    private final JsonArray values = Json.createArray();
    private final String seriesLabel;
    private final String dayAxis;
    private final String viewsAxis;

    ViewsChart(AdminContext admin, String id, Map<LocalDate, Long> perDay) {
        setId(id);
        addClassName("views-chart");
        setWidthFull();
        getStyle().set("position", "relative").set("height", "16rem").set("min-width", "0");
        seriesLabel = admin.text("news.app.views.label");
        dayAxis = admin.text("news.admin.dashboard.day");
        viewsAxis = admin.text("news.app.views.label");
        int i = 0;
        for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
            labels.set(i, DAY.format(day.getKey()));
            values.set(i, day.getValue());
            i++;
        }
        getElement().appendChild(new com.vaadin.flow.dom.Element("canvas"));
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", admin.text("news.admin.dashboard.chart"));
        add(table(admin, perDay));
    }

    /** The same numbers as a table, visually hidden. */
    private static NativeTable table(AdminContext admin, Map<LocalDate, Long> perDay) {
        NativeTable table = new NativeTable();
        table.addClassName("views-chart__data");
        StringBuilder rows = new StringBuilder();
        perDay.forEach((day, views) -> rows.append("<tr><th>")
                .append(DAY.format(day))
                .append("</th><td>")
                .append(views)
                .append("</td></tr>"));
        table.getElement().setProperty("innerHTML", "<tbody>" + rows + "</tbody>");
        table.getStyle()
                .set("position", "absolute")
                .set("width", "1px")
                .set("height", "1px")
                .set("overflow", "hidden")
                .set("clip", "rect(0 0 0 0)");
        return table;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // The library is loaded once per page; the chart is drawn when it is there.
        getElement().executeJs("""
                        const host = this, draw = () => {
                          if (host.newsChart) host.newsChart.destroy();
                          host.newsChart = new Chart(host.querySelector('canvas'), {
                            type: 'line',
                            data: {labels: $0, datasets: [{label: $2, data: $1, fill: true, tension: 0.25,
                                   borderColor: '#1a6fd1', backgroundColor: 'rgba(26,111,209,0.12)', pointRadius: 2}]},
                            options: {responsive: true, maintainAspectRatio: false, animation: false,
                                      interaction: {mode: 'index', intersect: false},
                                      plugins: {legend: {display: false}},
                                      scales: {x: {title: {display: true, text: $3}, ticks: {maxRotation: 0, autoSkip: true}},
                                               y: {beginAtZero: true, title: {display: true, text: $4}, ticks: {precision: 0}}}}
                          });
                        };
                        if (window.Chart) { draw(); return; }
                        let script = document.getElementById('news-chart-js');
                        if (!script) {
                          script = document.createElement('script');
                          script.id = 'news-chart-js';
                          script.src = $5;
                          document.head.appendChild(script);
                        }
                        script.addEventListener('load', draw);
                        """, labels, values, seriesLabel, dayAxis, viewsAxis, EditorAssetsServlet.CHART_JS);
    }
}
