package org.lankit.ui;

import java.util.List;
import java.util.function.BiFunction;
import javax.swing.table.AbstractTableModel;

/**
 * A read-only table over a list of view records: column names, and a function from a row and a
 * column index to the cell value. Replaced whole on each refresh.
 */
final class RowsModel<R> extends AbstractTableModel {

    private final String[] columns;
    private final BiFunction<R, Integer, Object> cell;
    private final Class<?>[] columnClasses;
    private List<R> rows = List.of();

    RowsModel(String[] columns, Class<?>[] columnClasses, BiFunction<R, Integer, Object> cell) {
        this.columns = columns.clone();
        this.columnClasses = columnClasses.clone();
        this.cell = cell;
    }

    void set(List<R> newRows) {
        rows = newRows;
        fireTableDataChanged();
    }

    List<R> rows() {
        return rows;
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
    public Class<?> getColumnClass(int column) {
        return columnClasses[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        return cell.apply(rows.get(row), column);
    }
}
