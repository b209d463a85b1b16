/**
 * XLSForm import: reads an {@code .xlsx} XLSForm's {@code survey}, {@code choices} and
 * {@code settings} sheets into a {@link org.lankit.sync.Form} (forms.md lists what is supported).
 * Everything the kit cannot honour is collected as a {@link org.lankit.xlsform.Problem} naming the
 * sheet, row and column; a file with any problem is refused whole, so a form is never half
 * imported. {@link org.lankit.xlsform.XlsFormImport} saves a read form as the next version of its
 * form id.
 */
package org.lankit.xlsform;
