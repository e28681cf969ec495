package nl.samenspraak.xlsform;

import nl.samenspraak.xlsform.XPathConditions.Untranslatable;

import java.util.Map;

/**
 * The survey sheet as the classes that read its rows point into it, so that each says a problem's row and column,
 * and where a step's part came from, the same way: with the form's languages, the fields named so far and the
 * conversion's notes at hand.
 */
final class SurveySheet {
    private final SheetTable table;
    private final FormLanguages languages;
    private final FormFields fields;
    private final Conversion conversion;

    SurveySheet(SheetTable table, FormLanguages languages, FormFields fields, Conversion conversion) {
        this.table = table;
        this.languages = languages;
        this.fields = fields;
        this.conversion = conversion;
    }

    SheetTable table() {
        return table;
    }

    FormLanguages languages() {
        return languages;
    }

    FormFields fields() {
        return fields;
    }

    Map<String, Origins.Origin> origins() {
        return conversion.origins();
    }

    Conversion conversion() {
        return conversion;
    }

    String cell(SheetTable.Row row, String column) {
        return table.cell(row, column);
    }

    /** {@code row} of this sheet at the column named {@code column} (null: the row as a whole). */
    Origins.Origin at(SheetTable.Row row, String column) {
        return Origins.Origin.of(table, row, column == null ? null : table.describe(column));
    }

    /** Records that the part of step {@code id} at {@code part} ("" for the step) came from {@code row}, {@code column}. */
    void origin(String id, String part, SheetTable.Row row, String column) {
        conversion.origins().put("steps/" + id + (part.isEmpty() ? "" : "/" + part), at(row, column));
    }

    void problem(SheetTable.Row row, String column, String key) {
        problem(row, column, key, Map.of());
    }

    void problem(SheetTable.Row row, String column, Untranslatable e) {
        problem(row, column, e.key(), e.args());
    }

    void problem(SheetTable.Row row, String column, String key, Map<String, Object> args) {
        conversion.problem(table, row, column, key, args);
    }
}
