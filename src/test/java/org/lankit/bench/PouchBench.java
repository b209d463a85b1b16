package org.lankit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lankit.sync.Json;
import org.lankit.testkit.NodeTools;

/**
 * Runs the PouchDB side (src/test/pouchdb/bench.js: express-pouchdb on leveldb, from the npm
 * registry) as a Node subprocess and returns its JSON. Installs its packages with npm on the first
 * run (node_modules is not committed). Needs Node 18+ and npm on the PATH.
 */
final class PouchBench {

    private static final Path DIR = Path.of("src", "test", "pouchdb");

    private PouchBench() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(int docs) throws Exception {
        NodeTools.require();
        NodeTools.installPackages(DIR);
        String json = exec(List.of("node", "bench.js", "--docs", String.valueOf(docs)), 10);
        String last = json.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("the PouchDB bench printed no JSON: " + json));
        return Json.MAPPER.readValue(last, Map.class);
    }

    private static String exec(List<String> command, int minutes) throws Exception {
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + minutes + " minutes");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        return new String(out, StandardCharsets.UTF_8);
    }
}
