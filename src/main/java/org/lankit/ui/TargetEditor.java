package org.lankit.ui;

import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import org.lankit.sync.Form;
import org.lankit.sync.Protocol.UpstreamStatus;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.ConnectionCheck;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/**
 * One team server on the settings screen: its kind in plain words, address, sign-in (only the
 * fields that kind uses), the form ids for OpenRosa, "Test connection" and how its uploads stand.
 * Secrets are never shown: token and password fields show dots, an address's secret is masked.
 * Whether the values are usable is upstream's word ({@link ApiTarget}, {@link TargetSettings}).
 */
final class TargetEditor {

    private final String id;
    private final JComboBox<ServerChoice> kind;
    private final AddressField address;
    private final JPasswordField token;
    private final JTextField user;
    private final JPasswordField password;
    private final FormIdsModel forms = new FormIdsModel();
    private final JTextArea result = new JTextArea(1, 60);
    private final JLabel state = new JLabel(" ");
    private final FormGrid.Row addressRow;
    private final FormGrid.Row tokenRow;
    private final FormGrid.Row userRow;
    private final FormGrid.Row passwordRow;
    private final FormGrid.Row formsRow;
    private final List<FormGrid.Row> rows;
    private boolean shown = true;

    /**
     * @param id     the target id this editor sets up
     * @param prefix put before each component's name, so two editors can be told apart
     * @param main   whether this is the first server (it gets the keyboard mnemonics)
     * @param onTest called on the event thread when "Test connection" is pressed
     * @param grid   the screen's grid the editor's rows go into, so they line up with the others
     */
    TargetEditor(String id, String prefix, boolean main, Consumer<TargetEditor> onTest, FormGrid grid) {
        this.id = id;
        kind = named(new JComboBox<>(ServerChoice.values()), prefix + "apiKind");
        address = named(new AddressField(36), prefix + "apiUrl");
        token = named(new JPasswordField(36), prefix + "apiToken");
        user = named(new JTextField(20), prefix + "apiUser");
        password = named(new JPasswordField(20), prefix + "apiPassword");
        JTable table = named(new JTable(forms), prefix + "apiForms");
        table.putClientProperty("terminateEditOnFocusLost", true);
        JScrollPane tableScroll = new JScrollPane(table);
        tableScroll.setPreferredSize(new Dimension(600, 96));
        result.setName(prefix + "apiResult");
        result.setEditable(false);
        result.setFocusable(false);
        result.setOpaque(false);
        result.setLineWrap(true);
        result.setWrapStyleWord(true);
        state.setName(prefix + "apiState");
        state.setForeground(Theme.muted());

        FormGrid.Row kindRow = grid.row(Text.get("server.kind"), main ? KeyEvent.VK_N : 0, kind, "");
        addressRow = grid.row(Text.get("server.address"), main ? KeyEvent.VK_E : 0, address, " ");
        tokenRow = grid.row(Text.get("server.token"), main ? KeyEvent.VK_K : 0, token, " ");
        userRow = grid.row(Text.get("server.user"), main ? KeyEvent.VK_U : 0, user, "");
        passwordRow = grid.row(Text.get("server.password"), main ? KeyEvent.VK_W : 0, password, Text.get("server.password.hint"));
        formsRow = grid.row(Text.get("server.formIds"), 0, tableScroll, Text.get("server.formIds.hint"));
        JButton test = new JButton(Text.get("server.test"));
        test.setName(prefix + "testApi");
        if (main) test.setMnemonic(KeyEvent.VK_C);
        test.addActionListener(e -> onTest.accept(this));
        FormGrid.Row testRow = grid.row("", 0, test, Text.get("server.test.hint"));
        rows = List.of(kindRow, addressRow, tokenRow, userRow, passwordRow, formsRow, testRow,
                grid.row("", 0, result, ""), grid.row("", 0, state, ""));
        kind.addActionListener(e -> showFieldsOfKind());
        showFieldsOfKind();
    }

    /** Shows or hides the whole editor (the second server is there only when asked for). */
    void visible(boolean visible) {
        shown = visible;
        rows.forEach(r -> r.visible(visible));
        showFieldsOfKind();
    }

    /** Shows {@code target} (empty: nothing set up yet), the kit's forms for the mapping, and how uploads to it stand. */
    void show(Optional<TargetSettings> target, List<Form> kitForms, UpstreamStatus status) {
        kind.setSelectedItem(target.map(ServerChoice::of).orElse(ServerChoice.JSON));
        address.show(target.map(t -> t.server().url().toString()).orElse(""),
                target.map(t -> t.server().redact(t.server().url().toString())).orElse(""));
        token.setText(target.map(t -> t.server().token()).orElse(""));
        user.setText(target.map(t -> t.server().user()).orElse(""));
        password.setText(target.map(t -> t.server().password()).orElse(""));
        forms.show(kitForms, target.map(TargetSettings::forms).orElse(Map.of()));
        result.setText("");
        state.setText(status == null ? " " : Text.get("server.uploads", MasterConsole.apiLine(status)));
        showFieldsOfKind();
    }

    /**
     * The server as typed; empty when the address is empty (no server).
     *
     * @throws IllegalArgumentException in words for the coordinator when it cannot be used
     */
    Optional<TargetSettings> settings() {
        ServerChoice choice = (ServerChoice) kind.getSelectedItem();
        String typedToken = choice.showsToken() ? new String(token.getPassword()) : "";
        String typedUser = choice.showsUser() ? user.getText() : "";
        String typedPassword = choice.showsUser() ? new String(password.getPassword()) : "";
        Map<String, String> mapping = choice.kind() == TargetKind.OPENROSA ? forms.mapping() : Map.of();
        return ApiTarget.of(address.address(), typedToken, typedUser, typedPassword)
                .map(server -> new TargetSettings(id, choice.kind(), server, mapping));
    }

    /** What "Test connection" found, in the coordinator's words. */
    void showResult(ConnectionCheck check) {
        result.setText(check.message());
        result.setForeground(check.isOk() ? Theme.good() : Theme.bad());
    }

    private void showFieldsOfKind() {
        ServerChoice choice = (ServerChoice) kind.getSelectedItem();
        addressRow.hint(choice.addressHint());
        tokenRow.visible(shown && choice.showsToken());
        tokenRow.hint(choice.showsUser() ? Text.get("server.token.orUser") : Text.get("server.token.hint"));
        userRow.visible(shown && choice.showsUser());
        passwordRow.visible(shown && choice.showsUser());
        formsRow.visible(shown && choice.kind() == TargetKind.OPENROSA);
        kind.revalidate();
        kind.repaint();
    }

    private static <T extends JComponent> T named(T component, String name) {
        component.setName(name);
        return component;
    }
}
