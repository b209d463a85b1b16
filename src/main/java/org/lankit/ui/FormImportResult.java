package org.lankit.ui;

import java.util.List;
import org.lankit.sync.Form;

/** What importing an XLSForm came to: the saved version, or (nothing saved) the file's problems in words. */
record FormImportResult(Form saved, List<String> problems) {
}
