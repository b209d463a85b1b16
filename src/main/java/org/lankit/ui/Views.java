package org.lankit.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.lankit.app.JoinAddress;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/** The small view records the panels render; made off the event thread by the consoles. */
final class Views {

    private Views() {
    }

    /**
     * The master's home screen. {@code setupUrl} opens the page that sets a phone up for offline
     * use; {@code reach} says whether phones can reach the address in the QR code; laptops type
     * {@code laptopJoinCode}; {@code apiLine} is a sentence such as "not set up", {@code apiProblem}
     * when it names a problem.
     */
    record Home(String teamName, String joinUrl, String setupUrl, JoinAddress.Reach reach, String laptopJoinCode,
                int phonesConnected, int phonesJoined,
                int laptopsConnected, int laptopsJoined, long entriesToday, long entriesTotal, String apiLine, boolean apiProblem,
                int openConflicts, int devicesWaiting, List<String> addressMoved) {

        int connected() {
            return phonesConnected + laptopsConnected;
        }
    }

    /**
     * One line of the Entries table; {@code values} maps field labels to typed-out answers,
     * {@code answers} field names to the same (the summary the coordinator chose picks from them).
     */
    record EntryRow(String uuid, String formId, String formTitle, String who, long createdAt, String onMaster, String atApi,
                    boolean needsReview, boolean deleted, boolean sentToApi, boolean apiRefused,
                    Map<String, String> values, Map<String, String> answers, String searchText) {
    }

    /** One answer of an entry, with who wrote it and when. */
    record FieldLine(FormField field, String text, String by, String when) {
    }

    /** One entry to show; {@code form} is the version it was typed on (null when missing), {@code answers} its values. */
    record EntryDetail(String uuid, String formTitle, int formVersion, String createdBy, String createdAt,
                       String onMaster, String atApi, List<FieldLine> lines, boolean deleted,
                       Form form, Map<String, JsonNode> answers) {
    }

    /** One value the coordinator can keep for a conflicting field. */
    record Choice(JsonNode value, String text, String by, String when, boolean current) {
    }

    /** An open conflict: one field of one entry and the values to pick from. */
    record ConflictCard(String uuid, String field, String entryTitle, String question, List<Choice> choices) {
    }

    /** {@code connection} says in words whether the device last called over HTTPS or plain HTTP. */
    record DeviceRow(String deviceId, String name, String kind, String lastSeen, String connection, long entries, String state,
                     boolean waiting, boolean revoked) {
    }

    /** Everything the master's screens show that changes by itself; rebuilt when the kit changes. */
    record MasterView(Home home, List<EntryRow> entries, List<ConflictCard> conflicts, List<DeviceRow> devices,
                      boolean approveNewDevices, boolean phonesEditTeamEntries) {
    }
}
