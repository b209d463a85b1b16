package org.lankit.testkit;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.UUID;
import org.lankit.sync.DefaultForm;
import org.lankit.sync.Entry;
import org.lankit.sync.FieldValue;
import org.lankit.sync.Hlc;
import org.lankit.sync.HlcClock;

/** Entries of the built-in "Household visit" form, as a device would create them. */
public final class Entries {

    private Entries() {
    }

    public static Entry household(HlcClock clock, String respondent, int householdSize) {
        Hlc a = clock.now();
        Hlc b = clock.now();
        return new Entry(UUID.randomUUID().toString(), DefaultForm.ID, 1,
                Map.of("respondent", FieldValue.edit(TextNode.valueOf(respondent), a, ""),
                        "household_size", FieldValue.edit(IntNode.valueOf(householdSize), b, "")),
                null, a.wallMs(), clock.deviceId(), 0, null, null);
    }
}
