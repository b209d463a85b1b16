package org.lankit.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lankit.backup.CsvExporter;
import org.lankit.hub.MasterIdentity;
import org.lankit.hub.PushService;
import org.lankit.store.KitStore;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.HlcClock;
import org.lankit.testkit.XlsFormFile;
import org.lankit.xlsform.XlsFormImport;

/**
 * XLSForm import of a long questionnaire, then the CSV export of its entries with a repeat, for
 * src/site/markdown/benchmarks.md. {@code java -Xmx256m -cp <test classpath>
 * org.lankit.bench.XlsFormBenchmark 2000 20000}: questions, entries (5 members each). Prints times.
 */
public final class XlsFormBenchmark {

    private XlsFormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int questions = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = Files.createTempDirectory("lankit-xlsform-bench");
        Path file = longForm(questions).writeTo(dir.resolve("long.xlsx"));
        System.out.printf("max heap %d MB; %d questions (%d KB file), %d entries with 5 members each%n",
                Runtime.getRuntime().maxMemory() >> 20, questions, Files.size(file) >> 10, entries);
        try (KitStore store = KitStore.open(dir.resolve("master"))) {
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                Form form = XlsFormImport.into(store.forms(), file);
                System.out.printf("import %d (version %d): %.0f ms%n", round, form.version(), (System.nanoTime() - t0) / 1e6);
            }
            PushService push = new PushService(store, new MasterIdentity("master01", "Bench", "bench", HlcClock.system("master01")));
            HlcClock phone = HlcClock.system("phoneA");
            for (int made = 0; made < entries; made += 500) {
                List<Entry> batch = new ArrayList<>();
                for (int i = 0; i < Math.min(500, entries - made); i++) batch.add(entry(phone, made + i));
                push.push("phoneA", batch);
            }
            long t1 = System.nanoTime();
            List<Path> written = new CsvExporter(store).exportTo(dir.resolve("csv"));
            long bytes = 0;
            for (Path p : written) bytes += Files.size(p);
            System.out.printf("CSV export: %.1f s, %d files, %.1f MB%n", (System.nanoTime() - t1) / 1e9, written.size(), bytes / 1e6);
        }
    }

    /** A text question per row, a tenth of them inside a repeat of members. */
    private static XlsFormFile longForm(int questions) {
        XlsFormFile file = new XlsFormFile().sheet("survey", "type", "name", "label", "relevant", "constraint")
                .row("text", "q0", "Question 0");
        int inRepeat = questions / 10;
        for (int i = 1; i < questions - inRepeat; i++) {
            file.row(i % 3 == 0 ? "integer" : "text", "q" + i, "Question " + i, i % 7 == 0 ? "${q0} != 'skip'" : "",
                    i % 3 == 0 ? ". >= 0" : "");
        }
        file.row("begin repeat", "members", "Members");
        for (int i = 0; i < inRepeat; i++) file.row("text", "m" + i, "Member question " + i);
        file.row("end repeat");
        return file.sheet("settings", "form_id", "form_title").row("long_form", "Long form");
    }

    private static Entry entry(HlcClock clock, int n) {
        Map<String, FieldValue> fields = new TreeMap<>();
        fields.put("q0", FieldValue.edit(TextNode.valueOf("answer " + n), clock.now(), ""));
        fields.put("q1", FieldValue.edit(TextNode.valueOf("village " + n % 40), clock.now(), ""));
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        for (int m = 0; m < 5; m++) members.addObject().put("m0", "member " + m).put("m1", "x" + n);
        fields.put("members", FieldValue.edit(members, clock.now(), ""));
        return new Entry(UUID.randomUUID().toString(), "long_form", 3, fields, null, System.currentTimeMillis(), "phoneA", 0,
                null, null);
    }
}
