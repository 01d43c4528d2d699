package be.segec.extranet.cli.internal;

import be.segec.extranet.cli.CsvInputException;
import be.segec.extranet.cli.CsvStaffReader;
import be.segec.extranet.core.FieldProblem;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.message.Echo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.FormatSchema;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The rows of a decoded CSV text, through Jackson's CSV parser (quotes, separators and line
 * breaks inside quoted values), turned into staff records by header name. Not part of the API.
 */
public final class CsvRows {

    /**
     * Jackson's CSV parser without data binding: a {@code CsvMapper} loaded jackson-databind, a
     * large part of the command line's cold start (docs/performance.md, section 6).
     */
    private static final CsvFactory FACTORY = CsvFactory.builder().build();

    private final String text;
    private final Lang lang;
    private final int maxRows;

    public CsvRows(String text, Lang lang, int maxRows) {
        this.text = text;
        this.lang = lang;
        this.maxRows = maxRows;
    }

    /** Excel's optional first line naming the separator, such as {@code sep=;}. */
    private static final Pattern EXCEL_SEP = Pattern.compile("\uFEFF?sep=(.)\\r?(\\n|$)");

    /** The {@code sep=X} line Excel may write first, if any: its separator. */
    static Optional<Character> excelSeparator(String text) {
        Matcher m = EXCEL_SEP.matcher(text);
        return m.lookingAt() ? Optional.of(m.group(1).charAt(0)) : Optional.empty();
    }

    /**
     * The separator: the one a {@code sep=X} first line names, else {@code ;} or {@code ,}
     * (whichever appears more in the header line, outside quotes), else tab.
     */
    static char separator(String text) {
        Optional<Character> excel = excelSeparator(text);
        if (excel.isPresent()) {
            return excel.get();
        }
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons == 0 && commas == 0 && tabs > 0) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    public List<StaffMember> staff() {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text)).withQuoteChar('"')
                .withoutEscapeChar();
        List<StaffMember> staff = new ArrayList<>();
        Map<StaffField, Integer> columns = null;
        int headerSize = 0;
        // the spreadsheet's row number (header = 1), counted in records, not in the file's physical
        // lines: a cell holding a line break spans several lines but is one row for the secretary
        int rowLine = 0;
        boolean skipSepLine = excelSeparator(text).isPresent();
        ObjectReadContext withSchema = new ObjectReadContext.Base() {
            @Override
            public FormatSchema getSchema() {
                return schema;
            }
        };
        try (JsonParser p = FACTORY.createParser(withSchema, text)) {
            List<String> row = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    row.clear();
                    if (skipSepLine) {
                        skipSepLine = false; // Excel reads "sep=;" as a setting, not as a row
                    } else {
                        rowLine++;
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    row.add(p.getString());
                } else if (t == JsonToken.END_ARRAY) {
                    if (rowLine == 0) {
                        continue;
                    } else if (columns == null) {
                        if (!blank(row)) {
                            columns = header(row, rowLine);
                            headerSize = row.size();
                        }
                    } else if (!blank(row)) {
                        if (staff.size() >= maxRows) {
                            throw new CsvInputException(CsvInputException.Problem.TOO_MANY_ROWS, lang.t(
                                    "Le fichier compte plus de " + maxRows + " lignes : ce n’est pas une liste du personnel d’une école.",
                                    "The file has more than " + maxRows + " rows: this is not one school's staff list."),
                                    OptionalInt.of(rowLine), Optional.empty(), null);
                        }
                        checkWidth(row, headerSize, rowLine);
                        staff.add(member(row, columns, rowLine));
                    }
                }
            }
        } catch (CsvInputException e) {
            throw e;
        } catch (JacksonException e) {
            int line = Math.max(1, rowLine);
            throw new CsvInputException(CsvInputException.Problem.QUOTES, lang.t(
                    "Ligne " + line + " : guillemets déséquilibrés (une valeur entre guillemets n’est pas refermée, ou du texte"
                            + " suit un guillemet fermant). Vérifiez cette ligne dans le tableur et réexportez le fichier.",
                    "Line " + line + ": unbalanced quotes (a quoted value is never closed, or text follows a closing quote)."
                            + " Check this line in the spreadsheet and export the file again.")
                            + "\n" + lang.t("Détail technique : ", "Technical detail: ")
                            + Echo.value(String.valueOf(e.getOriginalMessage()), 300, lang.locale()),
                    OptionalInt.of(line), Optional.empty(), e);
        }
        if (columns == null) {
            throw new CsvInputException(CsvInputException.Problem.NO_HEADER, lang.t(
                    "Le fichier est vide : il faut une ligne d’en-tête (local_id, last_name, first_name, birth_date, email,"
                            + " administrative_presence, …) puis une ligne par membre du personnel.",
                    "The file is empty: it needs a header row (local_id, last_name, first_name, birth_date, email,"
                            + " administrative_presence, ...) then one row per staff member."),
                    OptionalInt.empty(), Optional.empty(), null);
        }
        return List.copyOf(staff);
    }

    private Map<StaffField, Integer> header(List<String> cells, int line) {
        Map<StaffField, Integer> columns = new EnumMap<>(StaffField.class);
        for (int i = 0; i < cells.size(); i++) {
            String name = normalise(cells.get(i));
            for (StaffField f : StaffField.values()) {
                if (f.columnName().equals(name)) {
                    if (columns.containsKey(f)) {
                        throw new CsvInputException(CsvInputException.Problem.DUPLICATE_COLUMN, lang.t(
                                "La colonne « " + f.columnName() + " » apparaît deux fois dans la ligne d’en-tête.",
                                "The column \"" + f.columnName() + "\" appears twice in the header row."),
                                OptionalInt.of(line), Optional.of(f.columnName()), null);
                    }
                    columns.put(f, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (StaffField f : CsvStaffReader.REQUIRED) {
            if (!columns.containsKey(f)) {
                missing.add(f.columnName());
            }
        }
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing);
            throw new CsvInputException(CsvInputException.Problem.MISSING_COLUMN, lang.t(
                    (missing.size() == 1 ? "Colonne obligatoire absente : " : "Colonnes obligatoires absentes : ") + names
                            + ". La ligne d’en-tête doit nommer les colonnes local_id, last_name, first_name, birth_date,"
                            + " email et administrative_presence (dans n’importe quel ordre).",
                    (missing.size() == 1 ? "Required column missing: " : "Required columns missing: ") + names
                            + ". The header row must name the columns local_id, last_name, first_name, birth_date,"
                            + " email and administrative_presence (in any order)."),
                    OptionalInt.of(line), Optional.of(missing.get(0)), null);
        }
        return columns;
    }

    /** "Local ID", "local-id", " LOCAL_ID " all name {@code local_id}. */
    static String normalise(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    private void checkWidth(List<String> row, int headerSize, int line) {
        for (int i = headerSize; i < row.size(); i++) {
            if (!row.get(i).isBlank()) {
                throw new CsvInputException(CsvInputException.Problem.TOO_MANY_CELLS, lang.t(
                        "Ligne " + line + " : " + row.size() + " valeurs pour " + headerSize + " colonnes. Une valeur contient"
                                + " probablement le séparateur sans être entre guillemets ; corrigez la ligne et réexportez.",
                        "Line " + line + ": " + row.size() + " values for " + headerSize + " columns. A value probably contains"
                                + " the separator without quotes; fix the line and export again."),
                        OptionalInt.of(line), Optional.empty(), null);
            }
        }
    }

    private StaffMember member(List<String> row, Map<StaffField, Integer> columns, int line) {
        String where = lang.t("ligne ", "line ") + line;
        List<FieldProblem> problems = new ArrayList<>();
        StaffMember.Builder b = StaffMember.builder()
                .localId(cell(row, columns, StaffField.LOCAL_ID).strip())
                .lastName(cell(row, columns, StaffField.LAST_NAME).strip())
                .firstName(cell(row, columns, StaffField.FIRST_NAME).strip());
        String email = cell(row, columns, StaffField.EMAIL).strip();
        b.email(email.isEmpty() ? null : email);
        b.birthDate(date(row, columns, StaffField.BIRTH_DATE, where, problems));
        b.exitDate(date(row, columns, StaffField.EXIT_DATE, where, problems));
        b.teaching(bool(row, columns, StaffField.TEACHING, true, where, problems));
        b.promotionFunction(bool(row, columns, StaffField.PROMOTION_FUNCTION, false, where, problems));
        b.administrativePresence(bool(row, columns, StaffField.ADMINISTRATIVE_PRESENCE, false, where, problems));
        b.physicalPresence(bool(row, columns, StaffField.PHYSICAL_PRESENCE, true, where, problems));
        return b.fieldProblems(problems).build();
    }

    private static String cell(List<String> row, Map<StaffField, Integer> columns, StaffField field) {
        Integer i = columns.get(field);
        return i == null || i >= row.size() ? "" : row.get(i);
    }

    private static LocalDate date(List<String> row, Map<StaffField, Integer> columns, StaffField field, String where,
                                  List<FieldProblem> problems) {
        String raw = cell(row, columns, field);
        if (raw.isBlank()) {
            return null;
        }
        Optional<LocalDate> d = CsvCells.date(raw);
        if (d.isEmpty()) {
            problems.add(new FieldProblem(field, raw.strip(), where));
        }
        return d.orElse(null);
    }

    /** An absent column takes {@code absent}; a present cell reads as a box (empty = unchecked). */
    private static boolean bool(List<String> row, Map<StaffField, Integer> columns, StaffField field, boolean absent,
                                String where, List<FieldProblem> problems) {
        if (!columns.containsKey(field)) {
            return absent;
        }
        String raw = cell(row, columns, field);
        Optional<Boolean> v = CsvCells.bool(raw);
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, raw.strip(), where));
        }
        return v.orElse(Boolean.FALSE);
    }
}
