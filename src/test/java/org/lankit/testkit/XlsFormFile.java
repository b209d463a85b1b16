package org.lankit.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSForm made for a test, written with Apache POI as a spreadsheet program would: sheets of
 * rows, the first row the headings. Numbers and booleans go in as such, so the reader meets real
 * cell types.
 */
public final class XlsFormFile {

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private List<List<Object>> current;

    /** Starts sheet {@code name} with its headings; {@link #row} adds to it. */
    public XlsFormFile sheet(String name, String... headings) {
        current = new ArrayList<>();
        current.add(List.of((Object[]) headings));
        sheets.put(name, current);
        return this;
    }

    /** A row under the headings; "" or null leaves a cell empty. */
    public XlsFormFile row(Object... cells) {
        current.add(java.util.Arrays.asList(cells));
        return this;
    }

    public Path writeTo(Path file) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            sheets.forEach((name, rows) -> fill(book.createSheet(name), rows));
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<List<Object>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value == null || "".equals(value)) continue;
                Cell cell = row.createCell(c);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
    }
}
