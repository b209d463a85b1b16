package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lankit.sync.Form;
import org.lankit.upstream.ApiTarget;
import org.lankit.upstream.TargetKind;
import org.lankit.upstream.TargetSettings;

/** The settings screen's words for a stored server, and its form id mapping. */
class ServerChoiceTest {

    @Test
    void central_and_kobo_are_both_openrosa_and_a_central_app_user_address_shows_back_as_central() {
        assertThat(ServerChoice.CENTRAL.kind()).isEqualTo(TargetKind.OPENROSA);
        assertThat(ServerChoice.KOBO.kind()).isEqualTo(TargetKind.OPENROSA);

        assertThat(ServerChoice.of(target(TargetKind.OPENROSA, "https://central.example.org/v1/key/Xk3mQ9vLr2Tt/projects/1")))
                .isEqualTo(ServerChoice.CENTRAL);
        assertThat(ServerChoice.of(target(TargetKind.OPENROSA, "https://kc.kobotoolbox.org/ann"))).isEqualTo(ServerChoice.KOBO);
        assertThat(ServerChoice.of(target(TargetKind.COUCHDB, "https://couch.example.org/lankit"))).isEqualTo(ServerChoice.COUCHDB);
        assertThat(ServerChoice.of(target(TargetKind.JSON, "https://data.example.org/lankit"))).isEqualTo(ServerChoice.JSON);
    }

    @Test
    void each_kind_asks_only_for_the_sign_in_it_uses() {
        assertThat(ServerChoice.CENTRAL.showsToken()).as("the token is in Central's address").isFalse();
        assertThat(ServerChoice.CENTRAL.showsUser()).isFalse();
        assertThat(ServerChoice.KOBO.showsToken()).isTrue();
        assertThat(ServerChoice.KOBO.showsUser()).isTrue();
        assertThat(ServerChoice.COUCHDB.showsToken()).isFalse();
        assertThat(ServerChoice.COUCHDB.showsUser()).isTrue();
        assertThat(ServerChoice.JSON.showsToken()).isTrue();
        assertThat(ServerChoice.JSON.showsUser()).isFalse();
        assertThat(ServerChoice.values()).extracting(ServerChoice::toString)
                .containsExactly("ODK Central", "KoboToolbox", "CouchDB", "Other (JSON API)");
    }

    @Test
    void the_form_ids_default_to_the_lankit_id_and_only_changed_ones_are_kept() {
        FormIdsModel model = new FormIdsModel();
        model.show(List.of(new Form("household", 1, "Household survey", List.of()), new Form("water", 1, "Water points", List.of())),
                Map.of("household", "hh_2024", "clinic", "clinic_v3"));

        assertThat(model.getRowCount()).as("the kit's two forms and the mapped one it no longer holds").isEqualTo(3);
        assertThat(model.getValueAt(1, 0)).isEqualTo("Water points (water)");
        assertThat(model.getValueAt(1, 1)).isEqualTo("water");

        model.setValueAt("water_points", 1, 1);
        model.setValueAt("  ", 0, 1);

        assertThat(model.mapping()).isEqualTo(Map.of("water", "water_points", "clinic", "clinic_v3"));
    }

    private static TargetSettings target(TargetKind kind, String url) {
        return new TargetSettings(TargetSettings.MAIN, kind, new ApiTarget(URI.create(url), null), Map.of());
    }
}
