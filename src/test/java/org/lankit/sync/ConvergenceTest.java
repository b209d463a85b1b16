package org.lankit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * One master and 3-5 devices edit the same entries while the network delays, reorders and
 * duplicates their pushes. Once everything is delivered and pulled, every replica must equal the
 * master, and every value anyone typed must be the current value, an open conflict (by its author,
 * with its value), or one that a later edit knowingly replaced.
 */
class ConvergenceTest {

    private static final List<String> FIELDS = List.of("respondent", "village", "notes");
    private static final List<String> VALUES = List.of("Amina", "Baraka", "Chege", "Dalia");

    /** Many worlds, short and long: a few seconds here, well under a minute on a loaded CI machine. */
    @Property(tries = 10_000)
    void replicas_converge_to_the_master_and_no_typed_value_is_lost(
            @ForAll long seed, @ForAll @IntRange(min = 3, max = 5) int deviceCount, @ForAll @IntRange(min = 20, max = 400) int steps) {
        World world = new World(new Random(seed), deviceCount);
        for (int step = 0; step < steps; step++) world.randomStep();
        world.settle();

        for (Device d : world.devices) {
            assertThat(d.pending()).as("device %s still has unsent edits", d.clock.deviceId()).isEmpty();
            assertThat(d.entries).as("replica of %s", d.clock.deviceId()).isEqualTo(world.master);
        }
        for (Edit e : world.edits) {
            assertThat(world.accounted(e)).as("edit %s of %s.%s = %s", e.hlc, e.uuid, e.field, e.value).isTrue();
        }
    }

    record Edit(String uuid, String field, String hlc, String base, JsonNode value) {
    }

    record Push(Device from, List<Entry> entries) {
    }

    static final class Device {
        final HlcClock clock;
        final Map<String, Entry> entries = new LinkedHashMap<>();

        Device(HlcClock clock) {
            this.clock = clock;
        }

        List<Entry> pending() {
            return entries.values().stream().filter(e -> !LocalEdits.pending(e).isEmpty()).toList();
        }
    }

    static final class World {
        final Random random;
        final AtomicLong wall = new AtomicLong(1_764_063_000_000L);
        final HlcClock masterClock = new HlcClock("master", wall::get);
        final EntryMerger merger = new EntryMerger("master");
        final Map<String, Entry> master = new LinkedHashMap<>();
        final List<Device> devices = new ArrayList<>();
        final List<Push> network = new ArrayList<>();
        final List<Edit> edits = new ArrayList<>();
        final Map<String, Edit> byHlc = new HashMap<>();
        long seq;
        int created;

        World(Random random, int deviceCount) {
            this.random = random;
            for (int i = 0; i < deviceCount; i++) {
                long skew = random.nextInt(7_200_000) - 3_600_000; // phone clocks up to an hour off
                devices.add(new Device(new HlcClock("dev" + i, () -> wall.get() + skew)));
            }
        }

        void randomStep() {
            wall.addAndGet(random.nextInt(3));
            Device d = devices.get(random.nextInt(devices.size()));
            int roll = random.nextInt(100);
            if (roll < 12) create(d);
            else if (roll < 45) edit(d);
            else if (roll < 48) delete(d);
            else if (roll < 53) masterEdit();
            else if (roll < 68) push(d);
            else if (roll < 85) deliver(random.nextInt(4) == 0);
            else pull(d);
        }

        /** Everything still in flight arrives, every device sends what it holds and catches up. */
        void settle() {
            for (int round = 0; round < 6; round++) {
                while (!network.isEmpty()) deliver(false);
                for (Device d : devices) push(d);
                while (!network.isEmpty()) deliver(false);
                for (Device d : devices) pull(d);
            }
        }

        void create(Device d) {
            String uuid = "entry-" + (created++);
            Map<String, JsonNode> values = Map.of("respondent", value(), "household_size", IntNode.valueOf(4));
            Entry e = LocalEdits.create(uuid, DefaultForm.householdVisit(), values, d.clock);
            e.fields().forEach((name, v) -> record(uuid, name, v));
            d.entries.put(uuid, e);
        }

        void edit(Device d) {
            Entry e = pick(d.entries);
            if (e == null) return;
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            Entry edited = LocalEdits.edit(e, field, value(), d.clock);
            record(e.uuid(), field, edited.fields().get(field));
            d.entries.put(e.uuid(), edited);
        }

        void delete(Device d) {
            Entry e = pick(d.entries);
            if (e == null) return;
            Entry edited = LocalEdits.setDeleted(e, !e.isDeleted(), d.clock);
            record(e.uuid(), Entry.DELETED_FIELD, edited.deleted());
            d.entries.put(e.uuid(), edited);
        }

        void masterEdit() {
            Entry e = pick(master);
            if (e == null) return;
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            Entry edited = LocalEdits.edit(e.forPush(), field, value(), masterClock);
            record(e.uuid(), field, edited.fields().get(field));
            apply("master", edited);
        }

        void push(Device d) {
            List<Entry> batch = d.pending().stream().map(Entry::forPush).toList();
            if (!batch.isEmpty()) network.add(new Push(d, batch));
        }

        /** Delivers one message in random order; sometimes it stays queued to arrive again. */
        void deliver(boolean duplicate) {
            if (network.isEmpty()) return;
            int i = random.nextInt(network.size());
            Push p = duplicate ? network.get(i) : network.remove(i);
            for (Entry e : p.entries()) {
                for (FieldValue v : e.fields().values()) masterClock.observe(Hlc.parse(v.hlc()));
                PushStatus status = apply(p.from().clock.deviceId(), e);
                assertThat(status).isNotEqualTo(PushStatus.REJECTED);
                Entry local = p.from().entries.get(e.uuid());
                p.from().entries.put(e.uuid(), LocalEdits.acknowledge(local, e));
            }
            p.from().clock.followReference(masterClock.physicalNow());
        }

        void pull(Device d) {
            for (Entry m : master.values()) {
                for (FieldValue v : m.fields().values()) d.clock.observe(Hlc.parse(v.hlc()));
                d.entries.put(m.uuid(), LocalEdits.adopt(d.entries.get(m.uuid()), m));
            }
            d.clock.followReference(masterClock.physicalNow());
        }

        PushStatus apply(String pusher, Entry incoming) {
            MergeOutcome outcome = merger.merge(master.get(incoming.uuid()), incoming, pusher);
            if (outcome.status().changesMaster()) master.put(incoming.uuid(), outcome.entry().withSeq(++seq));
            return outcome.status();
        }

        boolean accounted(Edit e) {
            Entry m = master.get(e.uuid());
            if (m == null) return false;
            FieldValue current = e.field().equals(Entry.DELETED_FIELD) ? m.deleted() : m.fields().get(e.field());
            if (current != null && current.hlc().equals(e.hlc())) return true;
            String key = e.field() + "@" + e.hlc();
            if (m.conflicts().stream().anyMatch(c -> c.key().equals(key))) return true;
            // one open conflict per field and device: the same value from the same device is that
            // one conflict, whichever of its clocks it carries (an undelete and an edit that did not
            // see the delete both ask for "not deleted")
            if (m.conflicts().stream().anyMatch(c -> c.field().equals(e.field()) && c.by().equals(author(e))
                    && c.value().equals(e.value()))) {
                return true;
            }
            // replaced by an editor who saw it, or by the same device's own later edit
            boolean replacedKnowingly = edits.stream().anyMatch(o -> o.uuid().equals(e.uuid())
                    && o.field().equals(e.field())
                    && (e.hlc().equals(o.base()) || (author(o).equals(author(e)) && o.hlc().compareTo(e.hlc()) > 0)));
            return replacedKnowingly || (m.settled().contains(key) && sameValueAsAnother(e));
        }

        private static String author(Edit e) {
            return Hlc.parse(e.hlc()).deviceId();
        }

        private boolean sameValueAsAnother(Edit e) {
            return edits.stream().anyMatch(o -> o != e && o.uuid().equals(e.uuid()) && o.field().equals(e.field())
                    && o.value().equals(e.value()));
        }

        private void record(String uuid, String field, FieldValue v) {
            Edit edit = new Edit(uuid, field, v.hlc(), v.base(), v.value());
            edits.add(edit);
            byHlc.put(v.hlc(), edit);
        }

        private Entry pick(Map<String, Entry> entries) {
            if (entries.isEmpty()) return null;
            List<Entry> all = new ArrayList<>(entries.values());
            return all.get(random.nextInt(all.size()));
        }

        private JsonNode value() {
            return TextNode.valueOf(VALUES.get(random.nextInt(VALUES.size())));
        }
    }

}
