package org.lankit.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.table.AbstractTableModel;
import org.lankit.sync.Form;

/**
 * The form id mapping for an OpenRosa server: one row per form the kit holds, the Lankit form on
 * the left and the server's form id on the right (editable; the same id unless changed).
 */
final class FormIdsModel extends AbstractTableModel {

    private final String[] columns = {Text.get("server.formIds.lankit"), Text.get("server.formIds.server")};

    private record FormRow(String id, String title, String serverId) {
    }

    private final List<FormRow> rows = new ArrayList<>();

    /** The kit's forms, and any form the stored mapping names that the kit no longer holds. */
    void show(List<Form> forms, Map<String, String> mapping) {
        rows.clear();
        Map<String, String> titles = new LinkedHashMap<>();
        forms.forEach(f -> titles.put(f.id(), f.title()));
        mapping.keySet().forEach(id -> titles.putIfAbsent(id, id));
        titles.forEach((id, title) -> rows.add(new FormRow(id, title, mapping.getOrDefault(id, id))));
        fireTableDataChanged();
    }

    /** The forms whose server id differs from their own; the others go under their own id. */
    Map<String, String> mapping() {
        Map<String, String> differing = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.serverId().isBlank() && !r.serverId().equals(r.id()))
                .forEach(r -> differing.put(r.id(), r.serverId()));
        return differing;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        FormRow r = rows.get(row);
        return column == 0 ? (r.title().equals(r.id()) ? r.id() : r.title() + " (" + r.id() + ")") : r.serverId();
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == 1;
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        FormRow r = rows.get(row);
        String typed = value == null ? "" : value.toString().strip();
        rows.set(row, new FormRow(r.id(), r.title(), typed.isEmpty() ? r.id() : typed));
        fireTableCellUpdated(row, column);
    }
}
