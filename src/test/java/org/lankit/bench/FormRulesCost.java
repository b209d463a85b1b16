package org.lankit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lankit.sync.Form;
import org.lankit.sync.FormRules;
import org.lankit.sync.Json;
import org.lankit.sync.RuleContext;
import org.lankit.testkit.WireVectors;

/**
 * What the master's check of one entry of an XLSForm-style form costs: the household form of
 * form-rules.json (relevance through a group, a choice_filter, a repeat of three members with
 * calculates, constraints) checked with {@link FormRules#firstProblem}, CPU time and allocation per
 * entry on one thread. Run: {@code java -cp target/classes:target/test-classes:<dependencies>
 * org.lankit.bench.FormRulesCost [entries per round 200000] [rounds 5]}
 */
public final class FormRulesCost {

    private FormRulesCost() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Form form = Json.MAPPER.treeToValue(WireVectors.all("form-rules.json").path("forms").path("household"), Form.class);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Json.MAPPER.readTree("""
                {"respondent": "Grace", "age": 40, "consent": "yes", "hh_size": 3, "water": ["tap", "other"],
                 "water_other": "rain tank", "visit_date": "2026-12-01", "phone": "0712345678",
                 "county": "nairobi", "ward": "westlands",
                 "members": [{"m_name": "Grace", "m_age": 40}, {"m_name": "Tom", "m_age": 10, "m_school": "yes"},
                             {"m_name": "Baby", "m_age": 1}],
                 "children_match": 2}""").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
        RuleContext day = new RuleContext("2026-12-03", "2026-12-03T15:40:00");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("load average at start: %s", Files.readString(Path.of("/proc/loadavg")));
        int problems = 0;
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                if (FormRules.of(form).firstProblem(answers, day).isPresent()) problems++;
            }
            System.out.printf("round %d: %,.2f µs CPU and %,.0f bytes allocated per entry%n", round,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / perRound,
                    (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / perRound);
        }
        System.out.printf("problems found: %d (0 expected)%nload average at end: %s", problems, Files.readString(Path.of("/proc/loadavg")));
    }
}
