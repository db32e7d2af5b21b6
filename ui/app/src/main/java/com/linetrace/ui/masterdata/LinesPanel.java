package com.linetrace.ui.masterdata;

import com.linetrace.contracts.LineId;
import com.linetrace.contracts.MalformedIdException;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.StationId;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.tracking.api.MasterDataEditor;
import com.linetrace.tracking.api.MasterDataEditor.LineSpec;
import com.linetrace.tracking.api.MasterDataEditor.StationSpec;
import com.linetrace.tracking.api.MasterDataRefusedException;
import com.linetrace.ui.Answer;
import com.linetrace.ui.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Lines and their stations: add a line; add a station, or pick one in the list to rename it, move it in the flow or
 * keep it to some roles; print the line's station ID labels.
 */
class LinesPanel extends VerticalLayout {

    private final MasterDataEditor editor;
    private final Viewer viewer;

    final Select<LineSpec> line = new Select<>();
    final TextField lineId = new TextField("New line id");
    final TextField lineName = new TextField("Name");
    final Button addLine = new Button("Add line");

    final Grid<StationSpec> stations = new Grid<>();
    final TextField stationId = new TextField("Station id");
    final TextField stationName = new TextField("Name");
    final Select<String> kind = new Select<>();
    final IntegerField flowOrder = new IntegerField("Flow order");
    final MultiSelectComboBox<String> roles = new MultiSelectComboBox<>("Only these roles may work here");
    final Button addStation = new Button("Add station");
    final Button saveStation = new Button("Save station");
    final Button clearStation = new Button("New station");
    final Anchor labels = new Anchor();
    final Button labelsToFolder = new Button("Station labels to export folder");

    private final Answer answer = new Answer("lines-answer");

    LinesPanel(MasterDataEditor editor, Viewer viewer, boolean offline) {
        this.editor = editor;
        this.viewer = viewer;
        setPadding(false);

        line.setId("line-select");
        line.setLabel("Line");
        line.setItemLabelGenerator(l -> l.id() + " · " + l.name());
        line.addValueChangeListener(change -> showLine(change.getValue()));
        lineId.setId("new-line-id");
        lineName.setId("new-line-name");
        addLine.setId("add-line");
        addLine.addClickListener(click -> addLine());
        var lineRow = new HorizontalLayout(line, lineId, lineName, addLine);
        lineRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        stations.setId("stations");
        stations.addColumn(StationSpec::id).setHeader("Station").setAutoWidth(true);
        stations.addColumn(StationSpec::name).setHeader("Name").setFlexGrow(1);
        stations.addColumn(StationSpec::kind).setHeader("Kind").setAutoWidth(true);
        stations.addColumn(StationSpec::flowOrder).setHeader("Flow order").setAutoWidth(true);
        stations.addColumn(s -> s.allowedRoles().isEmpty() ? "any that scans" : String.join(", ", s.allowedRoles()))
                .setHeader("Roles")
                .setAutoWidth(true);
        stations.setAllRowsVisible(true);
        stations.asSingleSelect().addValueChangeListener(change -> edit(change.getValue()));

        stationId.setId("station-id");
        stationName.setId("station-name");
        kind.setId("station-kind");
        kind.setLabel("Kind");
        kind.setItems(MasterDataEditor.STATION_KINDS);
        flowOrder.setId("station-flow-order");
        flowOrder.setMin(0);
        flowOrder.setMax(10_000);
        flowOrder.setStepButtonsVisible(true);
        roles.setId("station-roles");
        roles.setItems(Roles.ALL);
        roles.setWidth("22em");
        addStation.setId("add-station");
        addStation.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addStation.addClickListener(click -> addStation());
        saveStation.setId("save-station");
        saveStation.addClickListener(click -> saveStation());
        clearStation.setId("clear-station");
        clearStation.addClickListener(click -> stations.asSingleSelect().clear());
        var stationRow = new HorizontalLayout(stationId, stationName, kind, flowOrder, roles);
        stationRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        stationRow.setWrap(true);

        labels.setId("station-labels");
        labels.setText("Print station labels (PDF)");
        labels.setTarget(AnchorTarget.BLANK);
        // Offline, nothing goes to the browser: the labels are written to the plant's export folder to print there.
        labels.setVisible(!offline);
        labelsToFolder.setId("station-labels-to-folder");
        labelsToFolder.setVisible(offline);
        labelsToFolder.setEnabled(false);
        labelsToFolder.addClickListener(click -> {
            var selected = line.getValue();
            if (selected != null) {
                answer.ask(ProblemException.class, () -> editor.exportStationLabels(LineId.parse(selected.id())))
                        .ifPresent(answer::written);
            }
        });

        add(
                lineRow,
                new H3("Stations"),
                stations,
                stationRow,
                new HorizontalLayout(addStation, saveStation, clearStation),
                labels,
                labelsToFolder,
                answer);
        refreshLines(null);
    }

    void addLine() {
        var id = Answer.required(lineId, "Which id?");
        var name = Answer.required(lineName, "Which name?");
        if (id.isEmpty() || name.isEmpty()) {
            return;
        }
        var spec = new LineSpec(id.get(), name.get());
        if (MasterDataView.done(answer, () -> editor.addLine(spec))) {
            answer.say("Added line " + spec.id() + ". Add its stations next.");
            lineId.clear();
            lineName.clear();
            refreshLines(spec.id());
        }
    }

    void addStation() {
        station().ifPresent(spec -> {
            if (MasterDataView.done(answer, () -> editor.addStation(spec))) {
                answer.say("Added station " + spec.id() + " (" + spec.kind() + ") to line " + spec.lineId() + ".");
                showLine(line.getValue());
            }
        });
    }

    void saveStation() {
        station().ifPresent(spec -> {
            StationId id;
            try {
                id = StationId.parse(spec.id());
            } catch (MalformedIdException e) {
                Answer.invalid(stationId, e.getMessage());
                return;
            }
            if (MasterDataView.done(answer, () -> editor.updateStation(id, spec))) {
                answer.say("Saved station " + spec.id() + ".");
                showLine(line.getValue());
            }
        });
    }

    String answerText() {
        return answer.getText();
    }

    private Optional<StationSpec> station() {
        var current = line.getValue();
        if (current == null) {
            answer.refuse("Pick or add a line first.");
            return Optional.empty();
        }
        var id = Answer.required(stationId, "Which id? It is printed as a barcode on the station");
        var name = Answer.required(stationName, "Which name?");
        if (kind.getValue() == null) {
            Answer.invalid(kind, "Which kind of work?");
        }
        if (flowOrder.getValue() == null) {
            Answer.invalid(flowOrder, "Where in the flow?");
        }
        if (id.isEmpty() || name.isEmpty() || kind.getValue() == null || flowOrder.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(new StationSpec(
                id.get(),
                current.id(),
                kind.getValue(),
                flowOrder.getValue(),
                name.get(),
                List.copyOf(new TreeSet<>(roles.getValue()))));
    }

    private void edit(@Nullable StationSpec station) {
        boolean editing = station != null;
        stationId.setReadOnly(editing);
        kind.setReadOnly(editing);
        saveStation.setEnabled(editing);
        addStation.setEnabled(!editing);
        if (station == null) {
            stationId.clear();
            stationName.clear();
            kind.clear();
            flowOrder.clear();
            roles.clear();
        } else {
            stationId.setValue(station.id());
            stationName.setValue(station.name());
            kind.setValue(station.kind());
            flowOrder.setValue(station.flowOrder());
            roles.setValue(station.allowedRoles());
        }
    }

    private void refreshLines(@Nullable String select) {
        MasterDataView.ask(answer, editor::lines).ifPresent(all -> {
            line.setItems(all);
            all.stream()
                    .filter(l -> l.id().equals(select))
                    .findFirst()
                    .or(() -> all.stream().findFirst())
                    .ifPresent(line::setValue);
        });
    }

    private void showLine(@Nullable LineSpec selected) {
        stations.asSingleSelect().clear();
        edit(null);
        if (selected == null) {
            stations.setItems(List.of());
            labels.setEnabled(false);
            labelsToFolder.setEnabled(false);
            return;
        }
        MasterDataView.ask(answer, () -> editor.stations(LineId.parse(selected.id())))
                .ifPresent(stations::setItems);
        var lineId = selected.id();
        labels.setHref(DownloadHandler.fromInputStream(event -> {
                    try {
                        var pdf = editor.stationLabels(LineId.parse(lineId));
                        return new DownloadResponse(
                                new ByteArrayInputStream(pdf),
                                "stations-" + lineId + ".pdf",
                                "application/pdf",
                                pdf.length);
                    } catch (MasterDataRefusedException e) {
                        return DownloadResponse.error(404, e.getMessage());
                    }
                })
                .inline());
        labels.setEnabled(true);
        labelsToFolder.setEnabled(true);
    }
}
