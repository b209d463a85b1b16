package org.lankit.app;

import java.io.PrintStream;
import org.lankit.store.DataFolderException;
import org.lankit.store.KitStore;
import org.lankit.sync.Form;
import org.lankit.xlsform.XlsFormImport;

/**
 * {@code --import-form FILE.xlsx}: imports an XLSForm into the data folder as the next version of
 * its form, in one line; a refused file is one line on standard error naming every problem
 * (sheet, row, column), and nothing is saved. Runs before any backup action given with it, so an
 * export right after holds the new version.
 */
final class FormImportCommand {

    private FormImportCommand() {
    }

    static int run(KitOptions options, PrintStream out, PrintStream err) {
        try (KitStore store = KitStore.open(options.dataDir())) {
            if (store.settings().get(SettingKeys.ROLE).map(Role.CLIENT.name()::equals).orElse(false)) {
                throw new IllegalArgumentException("this data folder belongs to a client; import forms into the master's folder");
            }
            Form form = XlsFormImport.into(store.forms(), options.importForm());
            out.println("Imported " + options.importForm().getFileName() + " as \u201c" + form.title() + "\u201d (form "
                    + form.id() + "), version " + form.version() + "; phones and laptops get it at their next sync");
            return Main.OK;
        } catch (DataFolderException | IllegalArgumentException | IllegalStateException e) {
            err.println("lankit: " + oneLine(e.getMessage()));
            return Main.FAILED;
        }
    }

    /** A cell's line breaks would split the one line scripts read. */
    private static String oneLine(String message) {
        return message == null ? "failed" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
