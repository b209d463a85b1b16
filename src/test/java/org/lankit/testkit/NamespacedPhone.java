package org.lankit.testkit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A phone on the LAN: real Chromium (headless, 360x740, touch) running inside the LAN's phone
 * namespace, with its own home folder and a persistent profile, so storage and the service worker
 * survive closing the browser. Certificates are trusted the way a phone's owner installs one: the
 * kit CA goes into the NSS store Chromium reads ({@code $HOME/.pki/nssdb}); certificate errors are
 * never ignored. Playwright's driver stays in this namespace and starts Chromium through a small
 * script that enters the phone namespace (the two talk over inherited pipes). Not thread-safe.
 */
public final class NamespacedPhone implements AutoCloseable {

    private static final String CHROMIUM = "/usr/lib/chromium/chromium";

    private final Playwright playwright;
    private final Path home;
    private final Path profile;
    private final Path launcher;
    private BrowserContext context;

    private NamespacedPhone(Playwright playwright, Path home, Path profile, Path launcher) {
        this.playwright = playwright;
        this.home = home;
        this.profile = profile;
        this.launcher = launcher;
    }

    /** A new phone whose files live in {@code folder}; its browser is not started yet. */
    public static NamespacedPhone create(LanNamespaces lan, Path folder) {
        Path home = folder.resolve("home");
        Path profile = folder.resolve("profile");
        Path launcher = folder.resolve("chromium-in-" + lan.phone() + ".sh");
        try {
            Files.createDirectories(home.resolve(".pki/nssdb"));
            Files.createDirectories(profile);
            Files.writeString(launcher, "#!/bin/sh\nexec ip netns exec " + lan.phone() + " env 'HOME=" + home
                    + "' " + CHROMIUM + " \"$@\"\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        certutil("-N", "--empty-password", "-d", nssDatabase(home));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new NamespacedPhone(playwright, home, profile, launcher);
    }

    private static String nssDatabase(Path home) {
        return "sql:" + home.resolve(".pki/nssdb");
    }

    private static void certutil(String... args) {
        HostCommand.Result result = HostCommand.run(Stream.concat(Stream.of("certutil"), Stream.of(args)).toList());
        if (result.exitCode() == -1 && result.output().startsWith("could not start")) {
            throw new AssertionError("certutil is missing: install the Debian package libnss3-tools (.ci/run does)");
        }
        result.orThrow();
    }

    /** The phone's browser, started if it is not running; the same profile every time. */
    public BrowserContext browser() {
        if (context == null) {
            context = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
                    .setExecutablePath(launcher)
                    .setHeadless(true)
                    .setViewportSize(PhoneBrowser.WIDTH, PhoneBrowser.HEIGHT)
                    .setDeviceScaleFactor(2)
                    .setIsMobile(true)
                    .setHasTouch(true)
                    .setLocale("en-GB")
                    .setServiceWorkers(ServiceWorkerPolicy.ALLOW));
            context.setDefaultTimeout(20_000);
        }
        return context;
    }

    /** A new tab. */
    public Page openTab() {
        return browser().newPage();
    }

    /** Closes the browser (every tab); storage, service workers and trusted certificates stay. */
    public void closeBrowser() {
        if (context == null) return;
        try {
            context.close();
        } finally {
            context = null;
        }
    }

    /**
     * Downloads the kit certificate with the phone's browser from {@code caUrl} (the master's
     * {@code http://H:P/ca.crt}) and installs it as a trusted authority, as the set-up page tells a
     * phone's owner to. Returns the certificate (DER).
     */
    public byte[] installKitCertificate(String caUrl) {
        byte[] der = downloadKitCertificate(caUrl);
        trustKitCertificate(der);
        return der;
    }

    /**
     * The kit certificate (DER) at {@code caUrl}, fetched by the phone's browser from a tab on the
     * same origin that runs no app (the master's info), so nothing syncs meanwhile.
     */
    public byte[] downloadKitCertificate(String caUrl) {
        URI ca = URI.create(caUrl);
        Page tab = openTab();
        try {
            tab.navigate(ca.resolve("/api/v1/info").toString());
            String base64 = (String) tab.evaluate("async path => {"
                    + " const response = await fetch(path);"
                    + " if (!response.ok) throw new Error('status ' + response.status);"
                    + " const bytes = new Uint8Array(await response.arrayBuffer());"
                    + " let binary = ''; for (const b of bytes) binary += String.fromCharCode(b);"
                    + " return btoa(binary); }", ca.getPath());
            return Base64.getDecoder().decode(base64);
        } finally {
            tab.close();
        }
    }

    /**
     * Installs {@code der} as a trusted authority in the phone's NSS store. The browser is closed
     * for that and starts again on next use, as after a trip to the phone's settings.
     */
    public void trustKitCertificate(byte[] der) {
        closeBrowser();
        Path pem = home.resolve("kit-ca.pem");
        try {
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        certutil("-A", "-d", nssDatabase(home), "-t", "C,,", "-n", "lankit-kit", "-i", pem.toString());
    }

    @Override
    public void close() {
        try {
            closeBrowser();
        } finally {
            playwright.close();
        }
    }
}
