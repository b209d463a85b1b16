package org.lankit.xlsform;

import java.nio.file.Path;
import org.lankit.store.FormCatalog;
import org.lankit.sync.Form;

/**
 * Imports an XLSForm as the next version of its form id (1 for a new id): entries of earlier
 * versions keep theirs. The {@code version} in the file's settings is not used (forms.md).
 */
public final class XlsFormImport {

    private XlsFormImport() {
    }

    /**
     * Reads, checks and saves {@code file}; returns the saved version.
     *
     * @throws XlsFormRefusedException listing every problem; nothing is saved then
     */
    public static Form into(FormCatalog catalog, Path file) {
        Form read = XlsFormReader.read(file);
        int next = catalog.latest(read.id()).map(f -> f.version() + 1).orElse(1);
        Form form = new Form(read.id(), next, read.title(), read.fields(), read.languages(), read.defaultLanguage(),
                read.source());
        catalog.save(form);
        return form;
    }
}
