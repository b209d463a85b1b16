package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lankit.app.ClientKit;
import org.lankit.app.KitOptions;
import org.lankit.app.Role;
import org.lankit.pairing.FoundMaster;
import org.lankit.pairing.MasterBrowser;
import org.lankit.peer.PeerState;
import org.lankit.peer.Receipts;
import org.lankit.store.KitStore;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client screen's view of {@link ClientKit}: joins with address and join code, reconnects to
 * the remembered master, saves typed entries through the sync loop, and lists masters heard on
 * the network.
 */
final class ClientLink implements PeerLink {

    private static final Logger LOG = LoggerFactory.getLogger(ClientLink.class);
    /** The team's name as the master gave it when joining; shown on the screen only. */
    private static final String MASTER_NAME = "client.masterName";

    private final KitStore store;
    private volatile MasterBrowser browser;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ClientKit kit;

    private ClientLink(KitStore store) {
        this.store = store;
    }

    /** Opens the link; a laptop that joined before starts syncing with its master again at once. */
    static ClientLink open(KitStore store, InetAddress discoverOn) {
        ClientLink link = new ClientLink(store);
        link.browser = browse(discoverOn, found -> link.changed());
        if (org.lankit.peer.PeerLink.load(store).isPresent()) {
            try {
                link.started(ClientKit.start(store, options(store, null, null, null)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot reconnect to the remembered master", e);
            }
        }
        return link;
    }

    private static MasterBrowser browse(InetAddress on, java.util.function.Consumer<FoundMaster> onFound) {
        if (on == null) return null;
        try {
            return MasterBrowser.start(on, onFound);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot look for masters on {}: {}", on, e.getMessage());
            return null;
        }
    }

    @Override
    public State state() {
        ClientKit running = kit;
        if (running == null) return new State(Phase.NOT_JOINED, null, null, 0, null);
        PeerState s = running.sync().state();
        Phase phase = s.connected() ? Phase.CONNECTED : s.lastError() != null ? Phase.WAITING_FOR_MASTER : Phase.CONNECTING;
        String problem = s.rejected() > 0
                ? Text.plural("client.refused", s.rejected())
                : s.connected() ? null : s.lastError();
        return new State(phase, store.settings().get(MASTER_NAME).orElse(null), s.masterUrl(), s.pending(), problem);
    }

    @Override
    public void join(String masterUrl, String joinCode, String laptopName) throws IOException {
        ClientKit old = kit;
        kit = null;
        if (old != null) old.close();
        ClientKit joined = ClientKit.start(store, options(store, masterUrl, joinCode, laptopName));
        started(joined);
        store.settings().put(MASTER_NAME, joined.sync().link().client().info().name());
        changed();
    }

    @Override
    public List<Found> mastersFound() {
        MasterBrowser looking = browser;
        if (looking == null) return List.of();
        return looking.found().stream().map(m -> new Found(m.name(), m.url())).toList();
    }

    @Override
    public Receipts receipts() {
        ClientKit running = kit;
        return running == null ? Receipts.NONE : running.sync().receipts();
    }

    @Override
    public List<Form> forms() {
        return store.forms().latest();
    }

    @Override
    public void save(Form form, Map<String, JsonNode> values) {
        ClientKit running = kit;
        if (running == null) throw new IllegalStateException(Text.get("client.joinFirst"));
        running.sync().entries().create(form, values);
        changed();
    }

    @Override
    public Optional<Editable> open(String uuid) {
        return store.find(uuid).map(StoredEntry::entry).filter(e -> !e.isDeleted())
                .flatMap(e -> store.forms().version(e.formId(), e.formVersion()).or(() -> store.forms().latest(e.formId()))
                        .map(form -> new Editable(e, form)));
    }

    @Override
    public boolean edit(Entry seen, Map<String, JsonNode> answers) {
        ClientKit running = kit;
        if (running == null) throw new IllegalStateException(Text.get("client.joinFirst"));
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        answers.forEach((name, value) -> {
            FieldValue held = seen.fields().get(name);
            if (held == null ? !FieldText.text(value).isEmpty() : !FieldText.same(held.value(), value)) changes.put(name, value);
        });
        if (changes.isEmpty()) return false;
        running.sync().entries().edit(seen, changes);
        changed();
        return true;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void started(ClientKit running) {
        running.sync().onState(s -> changed());
        kit = running;
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private static KitOptions options(KitStore store, String masterUrl, String joinCode, String name) {
        return new KitOptions(false, Role.CLIENT, null, store.dataDir(), name, joinCode, masterUrl, null, null);
    }

    @Override
    public void close() {
        ClientKit running = kit;
        kit = null;
        if (running != null) running.close();
        MasterBrowser looking = browser;
        if (looking != null) looking.close();
    }
}
