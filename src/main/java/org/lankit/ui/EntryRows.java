package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lankit.store.FormCatalog;
import org.lankit.store.StoredEntry;
import org.lankit.sync.Conflict;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;
import org.lankit.ui.Views.Choice;
import org.lankit.ui.Views.ConflictCard;
import org.lankit.ui.Views.EntryDetail;
import org.lankit.ui.Views.EntryRow;
import org.lankit.ui.Views.FieldLine;
import org.lankit.upstream.EntryUpload;

/**
 * Turns stored entries into the rows, details and conflict cards the screens show. Not
 * thread-safe (it caches forms): one instance per background refresh.
 */
final class EntryRows {

    private final FormCatalog forms;
    private final Function<String, String> deviceName;
    private final Function<StoredEntry, EntryUpload> upload;
    private final Map<String, Optional<Form>> formCache = new HashMap<>();

    /** {@code upload}: where an entry stands with the team's servers (a client laptop has none). */
    EntryRows(FormCatalog forms, Function<String, String> deviceName, Function<StoredEntry, EntryUpload> upload) {
        this.forms = forms;
        this.deviceName = deviceName;
        this.upload = upload;
    }

    EntryRow row(StoredEntry stored) {
        Entry e = stored.entry();
        Optional<Form> form = form(e);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        StringBuilder search = new StringBuilder(title(e)).append(' ').append(who(e)).append(' ').append(e.uuid());
        for (FieldLine line : lines(e, form)) {
            values.put(line.field().label(), line.text());
            answers.put(line.field().name(), line.text());
            search.append(' ').append(line.text());
        }
        EntryUpload atServers = upload.apply(stored);
        return new EntryRow(e.uuid(), e.formId(), title(e), who(e), e.createdAt(), onMaster(e), Words.atApi(atServers),
                !e.conflicts().isEmpty(), e.isDeleted(), atServers.state() == EntryUpload.State.UPLOADED,
                atServers.state() == EntryUpload.State.REFUSED, values, answers, search.toString().toLowerCase(Locale.ROOT));
    }

    EntryDetail detail(StoredEntry stored) {
        Entry e = stored.entry();
        return new EntryDetail(e.uuid(), title(e), e.formVersion(), who(e), Words.when(e.createdAt()), onMaster(e),
                Words.atApi(upload.apply(stored)), lines(e, form(e)), e.isDeleted(), form(e).orElse(null), answers(e));
    }

    private static Map<String, JsonNode> answers(Entry e) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        e.fields().forEach((name, v) -> answers.put(name, v.value()));
        return answers;
    }

    /** One card per field with open conflicts: the value held now first, then each other value. */
    List<ConflictCard> conflicts(StoredEntry stored) {
        Entry e = stored.entry();
        Map<String, List<Conflict>> byField = new LinkedHashMap<>();
        e.conflicts().forEach(c -> byField.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(c));
        List<ConflictCard> cards = new ArrayList<>();
        String entryTitle = Text.get("entry.conflictTitle", title(e), headline(e), Words.when(e.createdAt()), who(e));
        byField.forEach((field, open) -> {
            List<Choice> choices = new ArrayList<>();
            boolean deletion = field.equals(Entry.DELETED_FIELD);
            FieldValue held = deletion ? e.deleted() : e.fields().get(field);
            if (held != null) choices.add(choice(held.value(), held.hlc(), held.by(), deletion, true));
            for (Conflict c : open) {
                if (held != null && FieldText.same(held.value(), c.value())) continue;
                if (choices.stream().anyMatch(ch -> FieldText.same(ch.value(), c.value()))) continue;
                choices.add(choice(c.value(), c.hlc(), c.by(), deletion, false));
            }
            cards.add(new ConflictCard(e.uuid(), field, entryTitle, question(e, field), choices));
        });
        return cards;
    }

    private Choice choice(JsonNode value, String hlc, String by, boolean deletion, boolean current) {
        JsonNode v = deletion ? BooleanNode.valueOf(value.asBoolean(false)) : value;
        String text = deletion ? Text.get(v.asBoolean() ? "entry.choice.deleted" : "entry.choice.kept") : FieldText.text(v);
        return new Choice(v, text.isEmpty() ? Text.get("entry.noAnswer") : text, deviceName.apply(by), Words.whenHlc(hlc), current);
    }

    private String question(Entry e, String field) {
        if (field.equals(Entry.DELETED_FIELD)) return Text.get("entry.deleteQuestion");
        return form(e).flatMap(f -> f.field(field)).map(FormField::label).orElse(field);
    }

    private List<FieldLine> lines(Entry e, Optional<Form> form) {
        List<FieldLine> lines = new ArrayList<>();
        List<FormField> defs = form.map(Form::answerFields).orElseGet(() -> e.fields().keySet().stream()
                .map(name -> FormField.of(name, name, org.lankit.sync.FieldType.TEXT, false)).toList());
        for (FormField def : defs) {
            FieldValue v = e.fields().get(def.name());
            lines.add(v == null ? new FieldLine(def, "", "", "")
                    : new FieldLine(def, FieldText.text(v.value()), deviceName.apply(v.by()), Words.whenHlc(v.hlc())));
        }
        return lines;
    }

    /** The entry's first text answer (usually the respondent), to tell entries apart. */
    private String headline(Entry e) {
        return form(e).stream().flatMap(f -> f.answerFields().stream())
                .filter(f -> f.type() == org.lankit.sync.FieldType.TEXT)
                .map(f -> e.fields().get(f.name())).filter(v -> v != null && !FieldText.text(v.value()).isEmpty())
                .map(v -> FieldText.text(v.value())).findFirst().orElse(e.uuid().substring(0, 8));
    }

    private String onMaster(Entry e) {
        if (!e.conflicts().isEmpty()) return Text.plural("entry.state.review", e.conflicts().size());
        return Text.get(e.isDeleted() ? "entry.state.deleted" : "entry.state.saved");
    }

    private String who(Entry e) {
        return deviceName.apply(e.createdBy());
    }

    private String title(Entry e) {
        return form(e).map(Form::title).orElse(e.formId());
    }

    private Optional<Form> form(Entry e) {
        return formCache.computeIfAbsent(e.formId() + "@" + e.formVersion(),
                k -> forms.version(e.formId(), e.formVersion()).or(() -> forms.latest(e.formId())));
    }
}
