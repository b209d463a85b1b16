package org.lankit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lankit.ui.PanelHarness.onUi;
import static org.lankit.ui.PanelHarness.untilUi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A French coordinator's first start: the questions, Home and its warning in French. */
@ExtendWith(SwingUnderXvfb.class)
class FirstStartInFrenchTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @AfterEach
    void english_again() {
        Text.use(Locale.ENGLISH);
    }

    @Test
    void the_first_start_asks_in_french_and_home_warns_in_french() {
        Text.use(Locale.FRENCH);
        try (PanelHarness ui = PanelHarness.open(dataDir, null, PanelServices.none())) {
            untilUi(() -> ui.window().button("startTeam").target().isShowing(), WAIT, "the role question");
            ui.window().button("startTeam").requireText("Créer une nouvelle équipe sur cet ordinateur");
            ui.window().button("joinTeam").requireText("Rejoindre une équipe");
            ui.window().button("startTeam").click();

            untilUi(() -> ui.window().textBox("teamName").target().isShowing(), WAIT, "the team's name question");
            ui.window().button("startWithName").requireText("Lancer l'équipe");
            ui.window().textBox("teamName").deleteText().enterText("Équipe des puits");
            ui.window().button("startWithName").click();

            untilUi(() -> ui.window().label("phonesLine").target().getText().startsWith("Téléphones"), WAIT, "Home in French");
            ui.window().label("phonesLine").requireText("Téléphones connectés : 0 sur 0");
            ui.window().label("qrHeading").requireText("Scannez avec un téléphone pour rejoindre l'équipe");
            untilUi(() -> ui.window().label("qrUnreachable").target().isShowing(), WAIT, "the warning");
            assertThat(onUi(() -> ui.window().label("qrUnreachable").target().getText()))
                    .contains("Les téléphones ne peuvent pas ouvrir cette adresse");
            assertThat(ui.kit().identity().name()).isEqualTo("Équipe des puits");
            ui.screenshot("home-fr");
        }
    }
}
