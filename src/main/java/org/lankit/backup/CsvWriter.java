package org.lankit.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF
 * line ends, quotes where needed. A cell that starts with = + - @, a tab or a carriage return is
 * prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it as a
 * formula (CSV injection); plain numbers such as -5 stay numbers. Not thread-safe.
 */
final class CsvWriter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** Starts a CSV on {@code target}, writing the byte order mark; {@link #flush()} when done. */
    static CsvWriter start(OutputStream target) throws IOException {
        Writer writer = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CsvWriter(writer);
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(quote(neutralise(cells.get(i))));
        }
        out.write("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    private static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
