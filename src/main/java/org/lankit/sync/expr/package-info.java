/**
 * The form expression language (protocol.md, "Form expressions"): the XLSForm/ODK XPath subset
 * that {@code relevant}, {@code constraint}, {@code calculation} and {@code choice_filter} are
 * written in. {@link org.lankit.sync.expr.Expression#parse} turns a text into an immutable tree
 * (or an {@link org.lankit.sync.expr.ExpressionException} naming the position);
 * {@link org.lankit.sync.expr.Expression#evaluate} works it out against a
 * {@link org.lankit.sync.expr.Scope}. The phone's expr.js follows the same rules; both pass
 * src/test/resources/vectors/expressions.json. Pure Java, no state, thread-safe.
 */
package org.lankit.sync.expr;
