package org.lankit.xlsform;

/**
 * One thing in an XLSForm the kit cannot honour, where it is: {@code row} is the spreadsheet's row
 * number (0: the whole sheet), {@code column} its letter and {@code heading} the column's heading
 * (null: the whole row).
 */
public record Problem(String sheet, int row, String column, String heading, String words) {

    static Problem ofSheet(String sheet, String words) {
        return new Problem(sheet, 0, null, null, words);
    }

    /** "survey row 7, column E (required): …" as a coordinator reads it. */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(sheet);
        if (row > 0) where.append(" row ").append(row);
        if (column != null) where.append(row > 0 ? ", column " : " column ").append(column).append(" (").append(heading).append(')');
        return where + ": " + words;
    }
}
