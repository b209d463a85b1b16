package org.lankit.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.lankit.testkit.OpenRosaSpec.Instance;
import org.lankit.testkit.OpenRosaSpec.Violation;

/**
 * An OpenRosa server for tests (what ODK Central and KoboToolbox speak): a real HTTP server on
 * 127.0.0.1 with {@code GET <base>/formList} and {@code POST <base>/submission}. It holds every
 * request to the spec ({@link OpenRosaSpec}), and to its own state: the instance's form and
 * version must be published, a deprecatedID must name an instance it holds that nothing replaced
 * yet. A violation is recorded (tests assert there are none) and answered 400. Instances are kept
 * by instanceID: a known one is a duplicate, answered as ODK Central does (409, or 201 when the
 * XML is the same) or as KoboToolbox does (202 "Duplicate submission"). The media files sent
 * beside an instance (photos) are kept by instanceID and file name, the first bytes of a name
 * winning, as Central keeps an attachment once it has it. It can fail with 500,
 * answer slowly, and drop the connection before or after storing. Always close it.
 */
public final class OpenRosaServer implements AutoCloseable {

    /** What a submission request met, apart from the spec check. */
    public enum Fault { NONE, ERROR_500, SLOW, RESET_BEFORE_STORING, RESET_AFTER_STORING }

    /** How a duplicate instanceID is answered. */
    public enum Duplicates { CENTRAL, KOBO }

    /** A stored instance. */
    public record Stored(String formId, String version, String instanceId, String deprecatedId, Map<String, String> fields,
                         Map<String, List<Map<String, String>>> rows, String xml) {
    }

    private record Answer(int status, String message) {
    }

    private static final String RESPONSE_NS = "http://openrosa.org/http/response";

    static {
        // the JDK server writes headers and body apart; with Nagle on, each answer would wait for the client's delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String basePath;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openrosa-server");
        t.setDaemon(true);
        return t;
    });
    /** Form id → its current version, as the form list shows it. */
    private final Map<String, String> forms = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Every version each form ever had: as ODK Central does, the server takes instances of older versions too. */
    private final Map<String, Set<String>> versions = new ConcurrentHashMap<>();
    private final Map<String, Stored> stored = new LinkedHashMap<>();
    private final Map<String, String> replacedBy = new LinkedHashMap<>();
    private final Map<String, Map<String, byte[]>> media = new LinkedHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> nextFaults = new ArrayDeque<>();
    private final Map<Fault, AtomicInteger> faultCounts = Collections.synchronizedMap(new EnumMap<>(Fault.class));
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger submissions = new AtomicInteger();
    private final AtomicInteger formListRequests = new AtomicInteger();
    private Random random = new Random(1);
    private volatile double faultRate;
    private volatile long slowMillis = 300;
    private volatile Duplicates duplicateStyle = Duplicates.CENTRAL;
    private volatile String requiredAuthorization;
    private volatile int echoStatus;

    private OpenRosaServer(String basePath) throws IOException {
        this.basePath = basePath;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server whose OpenRosa base is {@code basePath}, e.g. ODK Central's {@code /v1/key/<token>/projects/1} or Kobo's {@code /<user>}. */
    public static OpenRosaServer start(String basePath) throws IOException {
        return new OpenRosaServer(basePath);
    }

    /** The OpenRosa base address, as a coordinator would type it. */
    public String url() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- how it is set up, and how to misbehave ----

    /** Publishes {@code formId} at {@code version} ("" for none); publishing again changes the version. */
    public OpenRosaServer publish(String formId, String version) {
        forms.put(formId, version);
        versions.computeIfAbsent(formId, f -> ConcurrentHashMap.newKeySet()).add(version);
        return this;
    }

    public OpenRosaServer duplicatesAnsweredAs(Duplicates style) {
        duplicateStyle = style;
        return this;
    }

    /** Requests without {@code Authorization: Token <token>} get 401 (KoboToolbox's token). */
    public OpenRosaServer requireToken(String token) {
        requiredAuthorization = "Token " + token;
        return this;
    }

    public OpenRosaServer requireBasic(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The next submissions meet these faults, in order. */
    public synchronized OpenRosaServer faultNext(Fault... faults) {
        nextFaults.addAll(List.of(faults));
        return this;
    }

    /** After the queued faults, this share of submissions meets a fault picked at random (seeded). */
    public synchronized OpenRosaServer faultRate(double rate, long seed) {
        faultRate = rate;
        random = new Random(seed);
        return this;
    }

    /** How long a SLOW answer waits (after storing). */
    public OpenRosaServer slowBy(long millis) {
        slowMillis = millis;
        return this;
    }

    /** Every submission gets {@code status} with a message that repeats its Authorization header and address (0 stops it). */
    public OpenRosaServer echoCredentialsWith(int status) {
        echoStatus = status;
        return this;
    }

    // ---- what it saw ----

    /** Requests that broke the OpenRosa spec, in words; a well-behaved client leaves this empty. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    public synchronized int instanceCount() {
        return stored.size();
    }

    public synchronized Stored instance(String instanceId) {
        return stored.get(instanceId);
    }

    /** The media files the server holds for an instance, by file name (empty: none). */
    public synchronized Map<String, byte[]> media(String instanceId) {
        return Map.copyOf(media.getOrDefault(instanceId, Map.of()));
    }

    /** The instances nothing replaced: the current version of each record on the server. */
    public synchronized List<Stored> currentInstances() {
        return stored.values().stream().filter(s -> !replacedBy.containsKey(s.instanceId())).toList();
    }

    /** Submissions of an instanceID the server already held (tries after a lost answer). */
    public int duplicateCount() {
        return duplicates.get();
    }

    public int submissionCount() {
        return submissions.get();
    }

    public int formListCount() {
        return formListRequests.get();
    }

    public int faultCount(Fault fault) {
        AtomicInteger n = faultCounts.get(fault);
        return n == null ? 0 : n.get();
    }

    // ---- the server ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            if (requiredAuthorization != null && !requiredAuthorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"openrosa\"");
                respond(ex, new Answer(401, "Authentication required"));
                return;
            }
            try {
                OpenRosaSpec.checkHeaders(ex.getRequestHeaders().getFirst("X-OpenRosa-Version"), ex.getRequestHeaders().getFirst("Date"));
                if (path.equals(basePath + "/formList")) {
                    formList(ex);
                } else if (path.equals(basePath + "/submission")) {
                    submission(ex, body);
                } else {
                    violations.add(ex.getRequestMethod() + " " + path + ": no such OpenRosa endpoint");
                    respond(ex, new Answer(404, "Not found"));
                }
            } catch (Violation v) {
                violations.add(ex.getRequestMethod() + " " + path + ": " + v.getMessage());
                respond(ex, new Answer(400, v.getMessage()));
            }
        }
    }

    private void formList(HttpExchange ex) throws IOException, Violation {
        if (!ex.getRequestMethod().equals("GET")) throw new Violation("the form list is read with GET");
        formListRequests.incrementAndGet();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n");
        synchronized (forms) {
            forms.forEach((id, version) -> xml.append("  <xform><formID>").append(id).append("</formID><name>").append(id)
                    .append("</name><version>").append(version).append("</version><hash>md5:")
                    .append(String.format("%032x", (id + "@" + version).hashCode() & 0xffffffffL))
                    .append("</hash><downloadUrl>").append(url()).append("/forms/").append(id).append(".xml</downloadUrl></xform>\n"));
        }
        xml.append("</xforms>\n");
        send(ex, 200, xml.toString());
    }

    private void submission(HttpExchange ex, byte[] body) throws IOException, Violation {
        if (ex.getRequestMethod().equals("HEAD")) {
            send(ex, 204, null);
            return;
        }
        if (!ex.getRequestMethod().equals("POST")) throw new Violation("a submission is sent with POST");
        submissions.incrementAndGet();
        OpenRosaSpec.Submission submission = OpenRosaSpec.submission(ex.getRequestHeaders().getFirst("Content-Type"), body);
        Instance instance = OpenRosaSpec.instance(submission.xml());
        OpenRosaSpec.checkMedia(instance, submission.files());
        if (echoStatus != 0) {
            respond(ex, new Answer(echoStatus, "the credentials " + ex.getRequestHeaders().getFirst("Authorization")
                    + " are not valid for " + ex.getRequestURI()));
            return;
        }
        Fault fault = nextFault();
        faultCounts.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        switch (fault) {
            case ERROR_500 -> respond(ex, new Answer(500, "Internal Server Error"));
            case RESET_BEFORE_STORING -> drop(ex);
            case RESET_AFTER_STORING -> {
                store(instance, submission.files());
                drop(ex);
            }
            case SLOW -> {
                Answer answer = store(instance, submission.files());
                sleep(slowMillis);
                respond(ex, answer);
            }
            case NONE -> respond(ex, store(instance, submission.files()));
        }
    }

    /** Stores the instance, or says why not; a duplicate is answered in the configured style. */
    private synchronized Answer store(Instance instance, Map<String, byte[]> files) throws Violation {
        Set<String> known = versions.get(instance.formId());
        if (known == null) throw new Violation("there is no form \"" + instance.formId() + "\" on this server (it is not in the form list)");
        String version = instance.version() == null ? "" : instance.version();
        if (!known.contains(version)) {
            throw new Violation("form " + instance.formId() + " never had version \"" + version + "\"; it is at \"" + forms.get(instance.formId()) + "\"");
        }
        Stored earlier = stored.get(instance.instanceId());
        if (earlier != null) {
            duplicates.incrementAndGet();
            // Central takes the media of a resubmission whose XML is the same; Kobo answers a duplicate likewise
            if (earlier.xml().equals(instance.xml())) keepMedia(instance.instanceId(), files);
            return switch (duplicateStyle) {
                case KOBO -> new Answer(202, "Duplicate submission");
                case CENTRAL -> earlier.xml().equals(instance.xml()) ? new Answer(201, "full submission upload was successful!")
                        : new Answer(409, "A submission already exists with this ID, but with different XML. Resubmissions to attach"
                        + " additional multimedia must resubmit an identical xml_submission_file.");
            };
        }
        String replaced = instance.deprecatedId();
        if (replaced != null) {
            if (!stored.containsKey(replaced)) throw new Violation("deprecatedID " + replaced + " names no instance on the server");
            if (replacedBy.containsKey(replaced)) {
                throw new Violation("deprecatedID " + replaced + " was already replaced by " + replacedBy.get(replaced) + " (an edit of an old version)");
            }
            replacedBy.put(replaced, instance.instanceId());
        }
        stored.put(instance.instanceId(), new Stored(instance.formId(), instance.version(), instance.instanceId(), replaced,
                instance.fields(), instance.rows(), instance.xml()));
        keepMedia(instance.instanceId(), files);
        return new Answer(201, "full submission upload was successful!");
    }

    private void keepMedia(String instanceId, Map<String, byte[]> files) {
        Map<String, byte[]> kept = media.computeIfAbsent(instanceId, id -> new LinkedHashMap<>());
        files.forEach(kept::putIfAbsent);
    }

    private synchronized Fault nextFault() {
        if (!nextFaults.isEmpty()) return nextFaults.poll();
        if (faultRate <= 0 || random.nextDouble() >= faultRate) return Fault.NONE;
        Fault[] faults = {Fault.ERROR_500, Fault.SLOW, Fault.RESET_BEFORE_STORING, Fault.RESET_AFTER_STORING};
        return faults[random.nextInt(faults.length)];
    }

    /** Closes the connection with no answer: the JDK server does so for an exchange closed before its headers went out. */
    private static void drop(HttpExchange ex) {
        ex.close();
    }

    private static void respond(HttpExchange ex, Answer answer) throws IOException {
        String nature = answer.status() / 100 == 2 ? "submit_success" : "error";
        send(ex, answer.status(), "<OpenRosaResponse xmlns=\"" + RESPONSE_NS + "\" items=\"0\"><message nature=\"" + nature + "\">"
                + escape(answer.message()) + "</message></OpenRosaResponse>");
    }

    private static void send(HttpExchange ex, int status, String xml) throws IOException {
        ex.getResponseHeaders().set("X-OpenRosa-Version", "1.0");
        if (xml == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
