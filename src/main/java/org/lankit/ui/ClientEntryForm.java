package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import org.lankit.sync.Entry;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * A client laptop's form for a new entry: a choice of the team's forms (when there are two or
 * more), one control per question of the chosen one, and "Save entry". It also edits an entry
 * the laptop holds: the entry's answers filled in, "Save changes" and "Cancel".
 */
final class ClientEntryForm extends JPanel {

    private final PeerLink link;
    private final Background background;
    private final StatusBar status;
    private final Runnable saved;
    private final JLabel title = Theme.scale(new JLabel(" "), 1.2f, Font.BOLD);
    private final JLabel pickerLabel = new JLabel(Text.get("form.picker"));
    private final JComboBox<Form> picker = new JComboBox<>();
    private final JPanel grid = new ColumnPanel(new BorderLayout(0, 8));
    private final JLabel problem = new JLabel(" ");
    private final JButton save = new JButton(Text.get("form.saveEntry"));
    private final JButton cancel = new JButton(Text.get("form.cancel"));
    /** The chosen form's questions; null until a form is shown. */
    private FormView view;
    private List<Form> forms = List.of();
    /** The form the user picked; null until then (the first form is shown). */
    private String chosenId;
    private Form form;
    /** Set while the picker is refilled, so its events are not taken for the user's choice. */
    private boolean listing;
    /** The entry being edited, as it was opened; null while a new entry is typed. */
    private Entry editing;

    ClientEntryForm(PeerLink link, Background background, StatusBar status, Runnable saved) {
        super(new BorderLayout(0, 8));
        this.link = link;
        this.background = background;
        this.status = status;
        this.saved = saved;
        setName("clientEntryForm");
        setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 12));
        add(top(), BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(grid);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(scroll, BorderLayout.CENTER);
        problem.setName("entryProblem");
        problem.setForeground(Theme.bad());
        save.setName("saveNewEntry");
        save.setMnemonic(KeyEvent.VK_S);
        save.addActionListener(e -> save());
        cancel.setName("cancelEdit");
        cancel.addActionListener(e -> backToNewEntry());
    }

    private JPanel top() {
        title.setName("entryFormTitle");
        picker.setName("formPicker");
        picker.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focused) {
                String text = value instanceof Form f ? f.title() : "";
                return super.getListCellRendererComponent(list, text, index, selected, focused);
            }
        });
        picker.addActionListener(e -> {
            if (listing || !(picker.getSelectedItem() instanceof Form f)) return;
            chosenId = f.id();
            render(f, Map.of());
        });
        pickerLabel.setLabelFor(picker);
        pickerLabel.setDisplayedMnemonic(KeyEvent.VK_F);
        pickerLabel.setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 8));
        JPanel choice = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        choice.add(pickerLabel);
        choice.add(picker);
        JPanel top = new JPanel(new BorderLayout(0, 8));
        top.add(choice, BorderLayout.NORTH);
        top.add(title, BorderLayout.CENTER);
        return top;
    }

    /**
     * The team's forms (newest version of each) as this laptop holds them, called again whenever
     * they may have changed: the chosen form stays chosen, and a new version of it keeps what was
     * already typed into questions it still has.
     */
    void show(List<Form> latest) {
        if (latest.isEmpty() || latest.equals(forms)) return;
        forms = List.copyOf(latest);
        if (editing == null) showChosen();
    }

    private void showChosen() {
        if (forms.isEmpty()) return;
        Form chosen = forms.stream().filter(f -> f.id().equals(chosenId)).findFirst().orElse(forms.get(0));
        listing = true;
        picker.removeAllItems();
        forms.forEach(picker::addItem);
        picker.setSelectedItem(chosen);
        listing = false;
        boolean several = forms.size() >= 2;
        pickerLabel.setVisible(several);
        picker.setVisible(several);
        if (chosen.equals(form)) return;
        Map<String, JsonNode> typed = new HashMap<>();
        if (form != null && form.id().equals(chosen.id())) {
            Form before = form;
            view.answers().forEach((name, value) -> chosen.field(name)
                    .filter(now -> now.type() == before.field(name).map(FormField::type).orElse(null))
                    .ifPresent(now -> typed.put(name, value)));
        }
        render(chosen, typed);
    }

    /** Shows {@code opened}'s answers to change; {@code who} says whose entry it is. */
    void edit(PeerLink.Editable opened, String who) {
        editing = opened.entry();
        Map<String, JsonNode> typed = new HashMap<>();
        opened.entry().fields().forEach((name, v) -> typed.put(name, v.value()));
        pickerLabel.setVisible(false);
        picker.setVisible(false);
        render(opened.form(), typed);
        title.setText(Text.get("form.editing", opened.form().title(), who));
        save.setText(Text.get("form.saveChanges"));
        cancel.setVisible(true);
        problem.setText(" ");
    }

    private void backToNewEntry() {
        editing = null;
        form = null;
        save.setText(Text.get("form.saveEntry"));
        cancel.setVisible(false);
        showChosen();
    }

    private void render(Form shown, Map<String, JsonNode> typed) {
        form = shown;
        title.setText(Text.get("form.newEntry", shown.title()));
        grid.removeAll();
        view = new FormView(shown, typed);
        grid.add(view, BorderLayout.NORTH);
        // the buttons right under the questions, where the eye ends
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        buttons.add(save);
        buttons.add(cancel);
        cancel.setVisible(editing != null);
        JPanel end = new JPanel(new BorderLayout(0, 4));
        end.add(buttons, BorderLayout.NORTH);
        end.add(problem, BorderLayout.CENTER);
        grid.add(end, BorderLayout.CENTER);
        if (typed.isEmpty()) problem.setText(" ");
        revalidate();
        repaint();
    }

    private void save() {
        Form shown = form;
        Optional<String> first = view.check();
        if (first.isPresent()) {
            problem.setText(first.get());
            return;
        }
        Map<String, JsonNode> values = new LinkedHashMap<>(view.answersToSave());
        if (editing != null) {
            saveChanges(editing, values);
            return;
        }
        values.values().removeIf(v -> v.isNull() || v.isArray() && v.isEmpty()); // no answer: left out of a new entry
        save.setEnabled(false);
        background.call(() -> {
            link.save(shown, values);
            return shown;
        }, done -> {
            save.setEnabled(true);
            if (editing == null) render(form, Map.of()); // empty answers for the next household
            status.done(Text.get("form.saved"));
            saved.run();
        }, words -> {
            save.setEnabled(true);
            problem.setText(words);
        });
    }

    private void saveChanges(Entry seen, Map<String, JsonNode> values) {
        save.setEnabled(false);
        cancel.setEnabled(false);
        background.call(() -> link.edit(seen, values), changed -> {
            save.setEnabled(true);
            cancel.setEnabled(true);
            backToNewEntry();
            if (changed) status.done(Text.get("form.changesSaved"));
            else status.info(Text.get("form.nothingChanged"));
            saved.run();
        }, words -> {
            save.setEnabled(true);
            cancel.setEnabled(true);
            problem.setText(words);
        });
    }
}
