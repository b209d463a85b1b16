package org.lankit.xlsform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lankit.sync.Form;
import org.lankit.sync.FormField;

/**
 * Reads an XLSForm ({@code .xlsx}) into a form, or refuses it with every problem found. The form
 * id is the settings' {@code form_id}, else the file's name; the title is {@code form_title}, else
 * the id. The version is left at 1: {@link XlsFormImport} numbers it. The file is only read.
 */
public final class XlsFormReader {

    /** As FormShape has it. */
    private static final String FORM_ID = "[A-Za-z_][A-Za-z0-9_.-]{0,63}";

    private XlsFormReader() {
    }

    /** @throws XlsFormRefusedException listing every problem, when there is any */
    public static Form read(Path file) {
        String fileName = file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw refused(fileName, Problem.ofSheet(fileName, "there is no such file"));
        List<Problem> problems = new ArrayList<>();
        Form form;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ); XSSFWorkbook book = new XSSFWorkbook(pkg)) {
            form = read(book, fileName, problems);
        } catch (InvalidFormatException | IOException | RuntimeException unreadable) {
            // POI's many ways of saying "not a workbook" (an .xls, a renamed file, a damaged zip)
            throw refused(fileName, Problem.ofSheet(fileName, "could not be read as an .xlsx workbook; save it from your"
                    + " spreadsheet program as Excel Workbook (.xlsx)"));
        }
        if (!problems.isEmpty()) throw new XlsFormRefusedException(fileName, inSheetOrder(problems));
        return form;
    }

    private static Form read(XSSFWorkbook book, String fileName, List<Problem> problems) {
        SheetText text = new SheetText(book.getCreationHelper().createFormulaEvaluator(), problems);
        Sheet surveySheet = sheet(book, SurveyReader.SHEET);
        if (surveySheet == null) {
            problems.add(Problem.ofSheet(fileName, "has no sheet named survey; is it an XLSForm?"));
            return null;
        }
        Table survey = text.read(surveySheet, SurveyReader.SHEET);
        Sheet choicesSheet = sheet(book, ChoiceLists.SHEET);
        Table choices = choicesSheet == null ? null : text.read(choicesSheet, ChoiceLists.SHEET);
        Sheet settingsSheet = sheet(book, FormSettings.SHEET);
        FormSettings settings = settingsSheet == null ? FormSettings.none()
                : FormSettings.read(text.read(settingsSheet, FormSettings.SHEET), problems);
        Languages languages = Languages.of(choices == null ? List.of(survey) : List.of(survey, choices), settings, problems);
        ChoiceLists lists = choices == null ? ChoiceLists.none() : ChoiceLists.read(choices, languages, problems);
        List<FormField> fields = new SurveyReader(survey, languages, lists, problems).read();
        String id = settings.formId() != null ? settings.formId() : idFromFileName(fileName);
        if (!id.matches(FORM_ID)) {
            problems.add(settings.problem("form_id", "the form id \"" + id + "\" may hold only letters, digits, _ - and dots,"
                    + " start with a letter or _, and be at most 64 long"));
        }
        String title = settings.title() != null ? settings.title() : id;
        return new Form(id, 1, title, fields, languages.all(), languages.defaultLanguage(), fileName);
    }

    /** Survey, choices, settings; in each, whole columns first, then by row: as the coordinator reads the file. */
    private static List<Problem> inSheetOrder(List<Problem> problems) {
        List<String> sheets = List.of(SurveyReader.SHEET, ChoiceLists.SHEET, FormSettings.SHEET);
        return problems.stream().sorted(Comparator.<Problem>comparingInt(p -> sheets.indexOf(p.sheet()))
                .thenComparingInt(Problem::row)).toList();
    }

    /** The sheet whose name is {@code name} in any case (spreadsheet programs keep what people typed). */
    private static Sheet sheet(XSSFWorkbook book, String name) {
        for (Sheet s : book) if (s.getSheetName().strip().equalsIgnoreCase(name)) return s;
        return null;
    }

    /** "Household Survey (v2).xlsx" → "household_survey_v2"; "2026 census.xlsx" → "form_2026_census". */
    static String idFromFileName(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.xlsx$", "");
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) id = "form_" + id;
        return id.substring(0, Math.min(id.length(), 64)).replaceAll("_+$", "");
    }

    private static XlsFormRefusedException refused(String fileName, Problem problem) {
        return new XlsFormRefusedException(fileName, List.of(problem));
    }
}
