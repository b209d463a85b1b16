package org.lankit.ui;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.lankit.sync.FieldType;
import org.lankit.ui.FormDraft.Row;

/** The questions of the form being edited, one table row each, every cell editable. */
final class QuestionsModel extends AbstractTableModel {

    private static final int COLUMNS = 7;

    private final List<Row> rows = new ArrayList<>();

    void set(List<Row> newRows) {
        rows.clear();
        rows.addAll(newRows);
        fireTableDataChanged();
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    int add() {
        rows.add(new Row("", "", FieldType.TEXT, false, "", "", ""));
        fireTableRowsInserted(rows.size() - 1, rows.size() - 1);
        return rows.size() - 1;
    }

    void remove(int row) {
        rows.remove(row);
        fireTableRowsDeleted(row, row);
    }

    /** Swaps the row with its neighbour ({@code delta} -1 up, +1 down); returns the new index. */
    int move(int row, int delta) {
        int other = row + delta;
        if (other < 0 || other >= rows.size()) return row;
        Row r = rows.set(other, rows.get(row));
        rows.set(row, r);
        fireTableRowsUpdated(Math.min(row, other), Math.max(row, other));
        return other;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS;
    }

    @Override
    public String getColumnName(int column) {
        return switch (column) {
            case 0 -> Text.get("forms.column.question");
            case 1 -> Text.get("forms.column.name");
            case 2 -> Text.get("forms.column.type");
            case 3 -> Text.get("forms.column.required");
            case 4 -> Text.get("forms.column.choices");
            case 5 -> Text.get("forms.column.lowest");
            default -> Text.get("forms.column.highest");
        };
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 2 ? FieldType.class : column == 3 ? Boolean.class : String.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return true;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Row r = rows.get(row);
        switch (column) {
            case 0: return r.label();
            case 1: return r.name();
            case 2: return r.type();
            case 3: return r.required();
            case 4: return r.choices();
            case 5: return r.min();
            default: return r.max();
        }
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        Row r = rows.get(row);
        String text = value instanceof String s ? s : "";
        Row changed;
        switch (column) {
            case 0: changed = new Row(r.name(), text, r.type(), r.required(), r.choices(), r.min(), r.max()); break;
            case 1: changed = new Row(text, r.label(), r.type(), r.required(), r.choices(), r.min(), r.max()); break;
            case 2: changed = new Row(r.name(), r.label(), (FieldType) value, r.required(), r.choices(), r.min(), r.max()); break;
            case 3: changed = new Row(r.name(), r.label(), r.type(), Boolean.TRUE.equals(value), r.choices(), r.min(), r.max()); break;
            case 4: changed = new Row(r.name(), r.label(), r.type(), r.required(), text, r.min(), r.max()); break;
            case 5: changed = new Row(r.name(), r.label(), r.type(), r.required(), r.choices(), text, r.max()); break;
            default: changed = new Row(r.name(), r.label(), r.type(), r.required(), r.choices(), r.min(), text); break;
        }
        rows.set(row, changed);
        fireTableRowsUpdated(row, row);
    }

    /** A field type in words. */
    static String words(FieldType type) {
        return switch (type) {
            case TEXT -> Text.get("forms.type.text");
            case TEXTAREA -> Text.get("forms.type.textarea");
            case INTEGER -> Text.get("forms.type.integer");
            case DECIMAL -> Text.get("forms.type.decimal");
            case DATE -> Text.get("forms.type.date");
            case TIME -> Text.get("forms.type.time");
            case SELECT_ONE -> Text.get("forms.type.selectone");
            case SELECT_MULTIPLE -> Text.get("forms.type.selectmultiple");
            case BOOLEAN -> Text.get("forms.type.boolean");
            case NOTE -> Text.get("forms.type.note");
            case CALCULATE -> Text.get("forms.type.calculate");
            case GEOPOINT -> Text.get("forms.type.geopoint");
            case IMAGE -> Text.get("forms.type.image");
            case GROUP -> Text.get("forms.type.group");
            case REPEAT -> Text.get("forms.type.repeat");
        };
    }
}
