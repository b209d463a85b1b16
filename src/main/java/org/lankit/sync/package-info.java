/**
 * The sync core in plain Java: hybrid logical clocks, entries and their field values, forms (what a
 * saved form must meet, {@link org.lankit.sync.FormShape}; a form's rules, {@link org.lankit.sync.FormRules},
 * with the expression language in {@code sync.expr}) and entry validation, the master's merge rules, a device's pending edits and retention rule, and the
 * wire protocol's JSON bodies, with an entry's two JSON forms ({@link org.lankit.sync.EntryForm}:
 * the compact one stored and written, both read). No Swing, Javalin or ObjectBox here, so the rules can be tested
 * alone.
 */
package org.lankit.sync;
