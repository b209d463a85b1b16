package org.lankit.secure;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operating system's credential store (Windows Credential Manager, macOS Keychain, Secret
 * Service on Linux), which keeps secrets encrypted with the user's login. Every call has a time
 * limit: Secret Service over D-Bus can hang on a box without a desktop session, and a start must
 * not. A call that fails or runs out of time throws {@link KeyVaultUnavailableException}.
 */
final class OsKeyring implements KeyVault {

    private static final String SERVICE = "Lankit data key";

    private final Keyring keyring;
    private final Duration timeout;
    private final ExecutorService calls;

    private OsKeyring(Keyring keyring, Duration timeout, ExecutorService calls) {
        this.keyring = keyring;
        this.timeout = timeout;
        this.calls = calls;
    }

    /**
     * The credential store of this computer, if it has one that answers within {@code openTimeout};
     * later calls may take up to {@code callTimeout} (a locked store asks the user to unlock it).
     */
    static Optional<OsKeyring> open(Duration openTimeout, Duration callTimeout) {
        ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lankit-keyring");
            t.setDaemon(true); // a call stuck on D-Bus must not keep the process alive
            return t;
        });
        try {
            Keyring keyring = call(calls, openTimeout, Keyring::create);
            return Optional.of(new OsKeyring(keyring, callTimeout, calls));
        } catch (KeyVaultUnavailableException e) {
            calls.shutdownNow();
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> read(String kitKeyId) {
        return call(calls, timeout, () -> {
            try {
                return Optional.of(Base64.getDecoder().decode(keyring.getPassword(SERVICE, kitKeyId)));
            } catch (PasswordAccessException absent) {
                return Optional.<byte[]>empty(); // the library says "none" and "not allowed" alike
            }
        });
    }

    @Override
    public void write(String kitKeyId, byte[] key) {
        call(calls, timeout, () -> {
            keyring.setPassword(SERVICE, kitKeyId, Base64.getEncoder().encodeToString(key));
            return null;
        });
    }

    @Override
    public String describe() {
        return "the system's credential store (" + storeName(keyring.getKeyringStorageType()) + ")";
    }

    private static String storeName(KeyringStorageType type) {
        return switch (type) {
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
        };
    }

    private static <T> T call(ExecutorService calls, Duration timeout, Callable<T> work) {
        Future<T> answer = calls.submit(work);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new KeyVaultUnavailableException("The system's credential store did not answer within " + timeout.toSeconds()
                    + " s (is it locked?)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof BackendNotSupportedException ? "this computer has none that Lankit can use" : String.valueOf(cause.getMessage());
            throw new KeyVaultUnavailableException("The system's credential store cannot be used: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyVaultUnavailableException("Lankit was interrupted while asking the system's credential store");
        }
    }
}
