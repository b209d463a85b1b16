package org.lankit.hub;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.lankit.backup.BackupSettings;
import org.lankit.pairing.JoinCodes;
import org.lankit.secure.CaPin;
import org.lankit.secure.ServerIdentity;
import org.lankit.store.KitStore;
import org.lankit.sync.Json;
import org.lankit.sync.Protocol.Secure;
import org.lankit.sync.Protocol.UpstreamStatus;

/**
 * The master's HTTP and WebSocket server: the phone app at {@code /} and wire protocol v1 under
 * {@code /api/v1}, on plain HTTP and, given a server certificate, on HTTPS too (same routes). One
 * route table below; handlers live in the *Routes classes.
 */
public final class Hub implements AutoCloseable {

    private static final String API = "/api/v1";

    private final Javalin app;
    private final ServerConnector plain;
    private final Optional<TlsListener> tls;
    private final LiveSocket live;
    private final PushService push;

    private Hub(Javalin app, ServerConnector plain, Optional<TlsListener> tls, LiveSocket live, PushService push) {
        this.app = app;
        this.plain = plain;
        this.tls = tls;
        this.live = live;
        this.push = push;
    }

    /** A plain-HTTP hub without an uploader: "retry failed" answers that there is nothing to retry with. */
    public static Hub start(KitStore store, MasterIdentity master, HubConfig config,
                            Supplier<JoinCodes> joinCodes, Supplier<UpstreamStatus> upstream) {
        return start(store, master, config, joinCodes, UpstreamView.without(upstream), Optional.empty());
    }

    /** As below, with the take-over state read from the store. */
    public static Hub start(KitStore store, MasterIdentity master, HubConfig config, Supplier<JoinCodes> joinCodes,
                            UpstreamView upstream, Optional<ServerIdentity> serverIdentity) {
        return start(store, master, config, joinCodes, upstream, serverIdentity, new Supersession(store));
    }

    /**
     * {@code upstream}: the upload to the team's servers as devices see it (call
     * {@link #receiptsChanged()} when its receipts move); with {@code serverIdentity} the hub also
     * listens for HTTPS on {@link HubConfig#httpsPort()}; {@code supersession} says whether a
     * take-over replaced this master (then it refuses writes) and learns it from devices.
     */
    public static Hub start(KitStore store, MasterIdentity master, HubConfig config, Supplier<JoinCodes> joinCodes,
                            UpstreamView upstream, Optional<ServerIdentity> serverIdentity, Supersession supersession) {
        RateLimiter limiter = new RateLimiter(config.requestsPerSecond(), config.burst(), System::nanoTime);
        CatchUpWalks walks = new CatchUpWalks(API + "/sync/pull");
        Access access = new Access(store.devices(), limiter, walks, config.localNetworkOnly());
        PushService push = new PushService(store, master);
        TeamEdits teamEdits = new TeamEdits(store.settings());
        SyncRoutes sync = new SyncRoutes(store, push, master, config, teamEdits, walks);
        LiveSocket live = new LiveSocket(access, store::lastSeq, () -> upstream.receipts().get().through());
        UpstreamRoutes uploads = new UpstreamRoutes(upstream.retryFailed());
        AttachmentRoutes attachments = new AttachmentRoutes(store.attachments());
        TeamNamesRoutes teamNames = new TeamNamesRoutes(store.devices(), master);
        Optional<TlsListener> tls = serverIdentity.map(TlsListener::new);
        Optional<CaPin> pin = tls.map(t -> CaPin.of(t.identity().authority()));
        PairingService pairing = new PairingService(store.devices(), joinCodes, pin, master.clock()::physicalNow,
                PairingService.approvalSetting(store.settings()), new PairingGuard(System::nanoTime));
        Supplier<Secure> secure = () -> tls.map(t -> new Secure(t.port(), pin.get().pin(), pin.get().fingerprint())).orElse(null);
        InfoRoutes info = new InfoRoutes(store, master, pairing, upstream, teamEdits, secure, config.maxBodyBytes());
        TakeOverRoutes takeOver = new TakeOverRoutes(store, master, new SuccessionSource(store, master, joinCodes), supersession,
                config.maxBodyBytes());
        ServerConnector[] plain = new ServerConnector[1];

        Javalin app = Javalin.create(cfg -> {
            configureServer(cfg, config);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            cfg.jetty.addConnector((server, http) -> {
                plain[0] = new ServerConnector(server, new HttpConnectionFactory(http));
                plain[0].setHost(config.host());
                plain[0].setPort(config.port());
                return plain[0];
            });
            tls.ifPresent(t -> cfg.jetty.addConnector((server, http) -> t.connector(server, http, config.host(), config.httpsPort())));
            ErrorMapper.install(cfg);
            cfg.routes.before(API + "/*", CrossOrigin::allow);
            cfg.routes.before(API + "/*", ctx -> TeamHeaders.add(ctx, store.team()));
            cfg.routes.before(access::requireLocalNetwork);
            cfg.routes.before(ctx -> requireBodyWithinLimit(ctx, config.maxBodyBytes()));
            cfg.routes.before(API + "/*", ctx -> {
                if (ctx.method() == HandlerType.OPTIONS) return;
                if (!isPublic(ctx.path())) {
                    access.requireDevice(ctx);
                    takeOver.noticeEpoch(ctx);
                }
                takeOver.refuseWritesWhenSuperseded(ctx);
            });
            cfg.routes.options(API + "/*", CrossOrigin::preflight);

            cfg.routes.get(API + "/info", info::info);
            cfg.routes.post(API + "/pair", ctx -> {
                access.limitByAddress(ctx);
                info.pair(ctx);
                live.refresh(); // laptops fetch the succession bundle again: it names every device
            });
            cfg.routes.get(API + "/forms", info::forms);
            cfg.routes.post(API + "/sync/push", sync::push);
            cfg.routes.get(API + "/sync/pull", sync::pull);
            cfg.routes.ws(API + "/sync/live", live::configure);
            cfg.routes.get(API + "/status", info::status);
            cfg.routes.get(API + "/team/names", teamNames::names);
            cfg.routes.get(API + "/attachments/{name}/upload", attachments::progress);
            cfg.routes.put(API + "/attachments/{name}", attachments::upload);
            cfg.routes.get(API + "/attachments/{name}", attachments::download);
            cfg.routes.post(API + "/upstream/retry-failed", ctx -> {
                access.requireSameMachine(ctx);
                uploads.retryFailed(ctx);
            });
            cfg.routes.get(API + "/succession", takeOver::succession);
            cfg.routes.post(API + "/takeover/handover", takeOver::handover);
            cfg.routes.get("/join", Hub::serveApp);
            cfg.routes.get("/setup", SecureRoutes::setupPage);
            tls.ifPresent(t -> {
                SecureRoutes trust = new SecureRoutes(t, master);
                cfg.routes.get("/ca.crt", trust::certificate);
                cfg.routes.get("/ca.mobileconfig", trust::appleProfile);
            });
        });
        store.onSeqAdvanced(live::announce);
        store.forms().onSaved(live::refresh);
        store.settings().onChanged(name -> {
            if (TeamEdits.SETTING.equals(name) || BackupSettings.RETENTION_DAYS.equals(name)) live.refresh();
        });
        app.start();
        return new Hub(app, plain[0], tls, live, push);
    }

    /** The plain HTTP port. */
    public int port() {
        return plain.getLocalPort();
    }

    /** The HTTPS port, when the hub has a server certificate. */
    public Optional<Integer> httpsPort() {
        return tls.map(TlsListener::port);
    }

    /** New HTTPS connections get {@code identity} from now on (the master's addresses changed). */
    public void useServerIdentity(ServerIdentity identity) {
        tls.orElseThrow(() -> new IllegalStateException("this hub has no HTTPS listener")).use(identity);
    }

    /**
     * The second receipt moved (the team's servers took or refused entries): devices hear it on the
     * live socket, at most once per {@link LiveSocket#RECEIPTS_GAP}, and then read {@code /status}.
     * Any thread; never waits on sockets.
     */
    public void receiptsChanged() {
        live.receiptsMoved();
    }

    public PushService pushService() {
        return push;
    }

    public int liveConnections() {
        return live.connectedCount();
    }

    @Override
    public void close() {
        app.stop();
        live.close();
    }

    private static void configureServer(JavalinConfig cfg, HubConfig config) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.maxRequestSize = config.maxBodyBytes();
        // answers of 1.5 KB and more go out gzipped to clients that send Accept-Encoding: gzip, at
        // the fastest level: an old laptop's CPU matters more on a LAN than the last fifth of the bytes
        cfg.http.compressionStrategy = new CompressionStrategy(null, new Gzip(Deflater.BEST_SPEED));
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = "/web";
            sf.location = Location.CLASSPATH;
            sf.mimeTypes.add("application/manifest+json", "webmanifest");
            sf.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
    }

    private static boolean isPublic(String path) {
        return path.equals(API + "/info") || path.equals(API + "/pair") || path.equals(API + "/sync/live");
    }

    private static void requireBodyWithinLimit(Context ctx, long max) {
        long declared = ctx.contentLength();
        if (declared > max) throw ApiException.tooLarge("the body is larger than " + max / 1024 + " KB");
    }

    /** The join URL's path: the same single-page app; the join code is in the fragment. */
    private static void serveApp(Context ctx) {
        InputStream page = Hub.class.getResourceAsStream("/web/index.html");
        if (page == null) throw ApiException.notFound("the phone app is missing from this build");
        ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(page);
    }
}
