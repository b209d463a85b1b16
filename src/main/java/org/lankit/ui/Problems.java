package org.lankit.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.lankit.app.CannotListenException;
import org.lankit.peer.MasterError;
import org.lankit.secure.DataKeyMissingException;
import org.lankit.secure.KeyVaultUnavailableException;
import org.lankit.secure.WrongPassphraseException;
import org.lankit.store.DataFolderException;

/**
 * Exceptions in words a coordinator can act on; never a stack trace or a class name. The kit's own
 * messages (a folder that cannot be used, a refused backup) come as the kit words them, in English.
 */
final class Problems {

    private Problems() {
    }

    static String words(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CannotListenException || t instanceof DataFolderException || t instanceof DataKeyMissingException
                || t instanceof WrongPassphraseException || t instanceof KeyVaultUnavailableException) {
            return firstLine(t.getMessage());
        }
        if (t instanceof MasterError m) {
            String said = firstLine(m.getMessage());
            return Text.get("problems.masterSaid", said.substring(said.indexOf(": ") + 2));
        }
        if (t instanceof ConnectException) return Text.get("problems.nothingAnswers");
        if (t instanceof HttpTimeoutException) return Text.get("problems.noAnswerInTime");
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException || t instanceof IOException) {
            String m = firstLine(t.getMessage());
            if (!m.isEmpty()) return m;
        }
        return Text.get("problems.somethingWrong");
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
