package org.lankit.xlsform;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * Turns a POI sheet into a {@link Table}: each cell as the text the spreadsheet shows (formulas
 * by their result), except dates, which become ISO ("2026-03-01", "08:30", "2026-03-01T08:30"),
 * whatever display format the cell has. Values in a column without a heading are problems.
 */
final class SheetText {

    /** Beyond this a sheet is not a questionnaire; refusing keeps a huge file from filling the memory. */
    static final int MAX_ROWS = 10_000;

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final FormulaEvaluator evaluator;
    private final List<Problem> problems;

    SheetText(FormulaEvaluator evaluator, List<Problem> problems) {
        this.evaluator = evaluator;
        this.problems = problems;
    }

    Table read(Sheet sheet, String name) {
        List<Table.Heading> headings = new ArrayList<>();
        List<Table.Line> lines = new ArrayList<>();
        int first = sheet.getFirstRowNum();
        if (first < 0 || sheet.getRow(first) == null) return new Table(name, headings, lines);
        if (sheet.getLastRowNum() - first > MAX_ROWS) {
            problems.add(Problem.ofSheet(name, "has more than " + MAX_ROWS + " rows; a questionnaire this long is not supported"));
            return new Table(name, headings, lines);
        }
        List<String> top = cells(sheet.getRow(first));
        for (int i = 0; i < top.size(); i++) {
            if (!top.get(i).isEmpty()) headings.add(new Table.Heading(i, CellReference.convertNumToColString(i), top.get(i)));
        }
        Set<Integer> reported = new HashSet<>();
        for (int r = first + 1; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = cells(sheet.getRow(r));
            if (cells.stream().allMatch(String::isEmpty)) continue;
            for (int i = 0; i < cells.size(); i++) {
                boolean headed = i < top.size() && !top.get(i).isEmpty();
                if (!headed && !cells.get(i).isEmpty() && reported.add(i)) {
                    problems.add(new Problem(name, r + 1, CellReference.convertNumToColString(i), "no heading",
                            "this column has values but no heading in row " + (first + 1) + "; give it one or delete it"));
                }
            }
            lines.add(new Table.Line(r + 1, cells));
        }
        return new Table(name, headings, lines);
    }

    private List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        if (row == null) return out;
        for (int i = 0; i < row.getLastCellNum(); i++) out.add(text(row.getCell(i)));
        return out;
    }

    private String text(Cell cell) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) return isoDate(cell.getLocalDateTimeCellValue());
        return formatter.formatCellValue(cell, evaluator).strip();
    }

    /** Excel keeps a time of day as a date on 1899-12-31 and a day as midnight. */
    private static String isoDate(LocalDateTime t) {
        if (t.getYear() < 1900) return t.toLocalTime().toString();
        if (t.toLocalTime().toSecondOfDay() == 0) return t.toLocalDate().toString();
        return t.toString();
    }
}
