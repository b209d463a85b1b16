package org.lankit.ui;

import java.awt.Color;
import java.awt.Component;
import java.util.function.Function;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * Table cells whose text picks their colour, so states that need the coordinator stand out;
 * selected rows keep the selection colours. A {@link Toned} value brings its own colour.
 */
final class ColouredCells extends DefaultTableCellRenderer {

    /** How a cell's words stand out. */
    enum Tone {
        PLAIN, GOOD, WARNING, BAD;

        Color colour() {
            return switch (this) {
                case PLAIN -> null;
                case GOOD -> Theme.good();
                case WARNING -> Theme.warning();
                case BAD -> Theme.bad();
            };
        }
    }

    /** Words shown in a tone; sorted and compared by the words. */
    record Toned(String words, Tone tone) implements Comparable<Toned> {
        @Override
        public String toString() {
            return words;
        }

        @Override
        public int compareTo(Toned other) {
            return words.compareTo(other.words);
        }
    }

    private final Function<Object, Object> shown;
    private final Function<String, Color> colour;

    /** {@code shown}: the cell's value in words; {@code colour}: its colour, or null for the table's own. */
    ColouredCells(Function<Object, Object> shown, Function<String, Color> colour) {
        this.shown = shown;
        this.colour = colour;
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus, int row, int column) {
        Object words = shown.apply(value);
        Component c = super.getTableCellRendererComponent(table, words, selected, focus, row, column);
        if (!selected) {
            Color own = value instanceof Toned t ? t.tone().colour() : colour.apply(String.valueOf(words));
            c.setForeground(own == null ? table.getForeground() : own);
        }
        return c;
    }
}
