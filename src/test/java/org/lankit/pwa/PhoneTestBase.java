package org.lankit.pwa;

import com.microsoft.playwright.BrowserContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.lankit.testkit.PhoneBrowser;
import org.lankit.testkit.RunningMaster;

/** One Chromium per test class; a fresh master and a fresh phone (browser context) per test. */
abstract class PhoneTestBase {

    static PhoneBrowser browser;

    @TempDir
    Path dataDir;

    RunningMaster master;
    BrowserContext phone;

    @BeforeAll
    static void launchBrowser() {
        browser = PhoneBrowser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void startMaster() {
        master = RunningMaster.start(dataDir);
        phone = browser.newPhone();
    }

    @AfterEach
    void stop() {
        phone.close();
        master.close();
    }
}
