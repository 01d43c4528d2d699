package be.segec.extranet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.FieldProblem;
import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvStaffReaderTest {

    private static final String HEADER = "local_id,last_name,first_name,birth_date,email,administrative_presence";
    private static final CsvStaffReader EN = CsvStaffReader.builder().locale(Locale.ENGLISH).build();

    private static List<StaffMember> read(String text) {
        return EN.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvInputException failure(String text) {
        try {
            read(text);
        } catch (CsvInputException e) {
            return e;
        }
        throw new AssertionError("expected a CsvInputException for:\n" + text);
    }

    @Test
    void readsTheRequiredColumnsAndAppliesTheDefaultsOfAbsentOptionalOnes() {
        List<StaffMember> staff = read(HEADER + "\n17,D'Hondt,Marie-Claire,1980-05-12,mc@ecole.be,1\n");
        assertThat(staff).singleElement().satisfies(m -> {
            assertThat(m.localId()).isEqualTo("17");
            assertThat(m.lastName()).isEqualTo("D'Hondt");
            assertThat(m.firstName()).isEqualTo("Marie-Claire");
            assertThat(m.birthDate()).contains(LocalDate.of(1980, 5, 12));
            assertThat(m.email()).contains("mc@ecole.be");
            assertThat(m.administrativePresence()).isTrue();
            assertThat(m.teaching()).as("teaching defaults to 1").isTrue();
            assertThat(m.promotionFunction()).as("promotion_function defaults to 0").isFalse();
            assertThat(m.physicalPresence()).as("physical_presence defaults to 1").isTrue();
            assertThat(m.exitDate()).isEmpty();
            assertThat(m.fieldProblems()).isEmpty();
        });
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndAnyCase() {
        List<StaffMember> staff = read("EMAIL;Exit_Date;Administrative Presence;Birth_Date;FIRST_NAME;last-name;Local_ID;Teaching\n"
                + "a@b.be;;N;01/02/1970;Jan;Peeters;9;non\n");
        assertThat(staff).singleElement().satisfies(m -> {
            assertThat(m.localId()).isEqualTo("9");
            assertThat(m.lastName()).isEqualTo("Peeters");
            assertThat(m.email()).contains("a@b.be");
            assertThat(m.birthDate()).contains(LocalDate.of(1970, 2, 1));
            assertThat(m.administrativePresence()).isFalse();
            assertThat(m.teaching()).isFalse();
        });
    }

    @Test
    void aMissingRequiredColumnIsNamedByItsHeaderName() {
        CsvInputException e = failure("local_id,last_name,first_name,birth_date,administrative_presence\n1,A,B,1980-01-01,1\n");
        assertThat(e.problem()).isEqualTo(CsvInputException.Problem.MISSING_COLUMN);
        assertThat(e.column()).contains("email");
        assertThat(e.getMessage()).contains("email");
    }

    @Test
    void everyMissingRequiredColumnIsListed() {
        CsvInputException e = failure("local_id,last_name\n1,A\n");
        assertThat(e.getMessage()).contains("first_name", "birth_date", "email", "administrative_presence");
    }

    @Test
    void aQuotedValueMayHoldTheSeparatorAQuoteAndALineBreak() {
        List<StaffMember> staff = read(HEADER + "\n1,\"Van den Berghe, dit \"\"Luc\"\"\",\"Marie\nClaire\",1980-05-12,a@b.be,1\n"
                + "2,Peeters,Jan,1991-11-03,j@b.be,1\n");
        assertThat(staff).hasSize(2);
        assertThat(staff.get(0).lastName()).isEqualTo("Van den Berghe, dit \"Luc\"");
        assertThat(staff.get(0).firstName()).isEqualTo("Marie\nClaire");
        assertThat(staff.get(1).localId()).isEqualTo("2");
    }

    @Test
    void lineNumbersAreTheSpreadsheetsRowsEvenAfterACellHoldingLineBreaks() {
        // issue 17: a secretary looks for row 3 in the spreadsheet, not for the file's physical line 5
        List<StaffMember> staff = read(HEADER + "\n1,\"A\nB\nC\",X,1980-05-12,a@b.be,1\n2,P,J,31/02/1980,j@b.be,1\n");
        assertThat(staff.get(1).fieldProblems()).containsExactly(new FieldProblem(StaffField.BIRTH_DATE, "31/02/1980", "line 3"));
    }

    @Test
    void aBadValueInOneRowBecomesAFieldProblemOnThatRecordOnly() {
        List<StaffMember> staff = read(HEADER + ",teaching\n1,A,B,31/02/1980,a@b.be,1,1\n2,C,D,1980-02-28,c@b.be,peut-être,1\n"
                + "3,E,F,1980-02-29,e@b.be,1,1\n");
        assertThat(staff).hasSize(3);
        assertThat(staff.get(0).fieldProblems()).containsExactly(new FieldProblem(StaffField.BIRTH_DATE, "31/02/1980", "line 2"));
        assertThat(staff.get(0).birthDate()).isEmpty();
        assertThat(staff.get(1).fieldProblems())
                .containsExactly(new FieldProblem(StaffField.ADMINISTRATIVE_PRESENCE, "peut-être", "line 3"));
        assertThat(staff.get(2).fieldProblems()).isEmpty();
        assertThat(staff.get(2).birthDate()).contains(LocalDate.of(1980, 2, 29));
    }

    @Test
    void locationsFollowTheReadersLanguage() {
        List<StaffMember> staff = CsvStaffReader.utf8().read((HEADER + "\n1,A,B,1980-13-01,a@b.be,1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(staff.get(0).fieldProblems()).extracting(FieldProblem::location).containsExactly("ligne 2");
    }

    @Test
    void anUnreadableExitDateIsAFieldProblemOnTheExitDate() {
        List<StaffMember> staff = read(HEADER + ",exit_date\n1,A,B,1980-01-01,a@b.be,0,fin juin\n");
        assertThat(staff.get(0).fieldProblems()).extracting(FieldProblem::field).containsExactly(StaffField.EXIT_DATE);
    }

    @Test
    void booleansAcceptTheSpellingsOfBelgianSpreadsheets() {
        String[] yes = {"1", "true", "TRUE", "O", "o", "oui", "Oui", "yes", "x", "X", " 1 "};
        String[] no = {"0", "false", "N", "n", "non", "NON", "no", "", " "};
        for (String v : yes) {
            assertThat(read(HEADER + "\n1,A,B,1980-01-01,a@b.be," + v + "\n").get(0).administrativePresence()).as(v).isTrue();
        }
        for (String v : no) {
            StaffMember m = read(HEADER + "\n1,A,B,1980-01-01,a@b.be," + v + "\n").get(0);
            assertThat(m.administrativePresence()).as("'" + v + "'").isFalse();
            assertThat(m.fieldProblems()).as("'" + v + "'").isEmpty();
        }
    }

    @Test
    void anEmptyCellInAPresentBooleanColumnIsAnUncheckedBox() {
        StaffMember m = read(HEADER + ",teaching,physical_presence\n1,A,B,1980-01-01,a@b.be,1,,\n").get(0);
        assertThat(m.teaching()).isFalse();
        assertThat(m.physicalPresence()).isFalse();
    }

    @Test
    void datesAreIsoOrBelgianAndStrict() {
        assertThat(read(HEADER + "\n1,A,B,05/03/1980,a@b.be,1\n").get(0).birthDate()).contains(LocalDate.of(1980, 3, 5));
        assertThat(read(HEADER + "\n1,A,B,5/3/1980,a@b.be,1\n").get(0).birthDate()).contains(LocalDate.of(1980, 3, 5));
        assertThat(read(HEADER + "\n1,A,B,1980-03-05,a@b.be,1\n").get(0).birthDate()).contains(LocalDate.of(1980, 3, 5));
        for (String bad : new String[] {"31/02/1980", "29/02/1981", "1980-02-30", "05/03/80", "1980/03/05", "5 mars 1980", "00/01/1980"}) {
            StaffMember m = read(HEADER + "\n1,A,B," + bad + ",a@b.be,1\n").get(0);
            assertThat(m.birthDate()).as(bad).isEmpty();
            assertThat(m.fieldProblems()).as(bad).extracting(FieldProblem::field).containsExactly(StaffField.BIRTH_DATE);
        }
    }

    @Test
    void anEmptyBirthDateOrEmailIsMissingNotUnreadable() {
        StaffMember m = read(HEADER + "\n1,A,B,,,1\n").get(0);
        assertThat(m.birthDate()).isEmpty();
        assertThat(m.email()).isEmpty();
        assertThat(m.fieldProblems()).isEmpty();
    }

    @Test
    void theSeparatorIsDetectedFromTheHeaderLine() {
        assertThat(read(HEADER.replace(',', ';') + "\n1;Dupont, fils;B;1980-01-01;a@b.be;1\n").get(0).lastName())
                .isEqualTo("Dupont, fils");
        assertThat(read(HEADER + "\n1,\"Dupont; fils\",B,1980-01-01,a@b.be,1\n").get(0).lastName()).isEqualTo("Dupont; fils");
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndCrLfLinesWork() {
        byte[] body = (HEADER.replace(',', ';') + "\r\n1;Lefèvre;Élodie;22/01/1986;e@b.be;O\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        StaffMember m = EN.read(bytes).get(0);
        assertThat(m.localId()).isEqualTo("1");
        assertThat(m.lastName()).isEqualTo("Lefèvre");
        assertThat(m.firstName()).isEqualTo("Élodie");
        assertThat(m.administrativePresence()).isTrue();
    }

    @Test
    void windows1252IsReadWhenAsked() {
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] bytes = (HEADER + "\n1,Lefèvre,Gaëlle,1986-01-22,g@b.be,oui\n").getBytes(cp1252);
        StaffMember m = CsvStaffReader.builder().charset(cp1252).build().read(bytes).get(0);
        assertThat(m.lastName()).isEqualTo("Lefèvre");
        assertThat(m.firstName()).isEqualTo("Gaëlle");
    }

    @Test
    void windows1252BytesReadAsUtf8AreAnEncodingErrorNamingTheLineAndTheFix() {
        byte[] bytes = (HEADER + "\n1,Peeters,Jan,1991-11-03,j@b.be,1\n2,Lefèvre,E,1986-01-22,e@b.be,1\n")
                .getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> EN.read(bytes))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CsvInputException.Problem.ENCODING);
                    assertThat(e.line()).isEqualTo(OptionalInt.of(3));
                    assertThat(e.getMessage()).contains("Line 3", "--charset windows-1252");
                });
    }

    @Test
    void bytesUndefinedInWindows1252AreRefusedToo() {
        byte[] bytes = (HEADER + "\n1,Peeters,Jan,1991-11-03,j@b.be,1\n").getBytes(StandardCharsets.US_ASCII);
        bytes[HEADER.length() + 4] = (byte) 0x81;
        CsvStaffReader reader = CsvStaffReader.builder().charset(Charset.forName("windows-1252")).locale(Locale.ENGLISH).build();
        assertThatThrownBy(() -> reader.read(bytes)).isInstanceOfSatisfying(CsvInputException.class,
                e -> assertThat(e.line()).isEqualTo(OptionalInt.of(2)));
    }

    @Test
    void aUtf16FileIsRefusedWithAdvice() {
        byte[] bytes = ("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> EN.read(bytes)).isInstanceOfSatisfying(CsvInputException.class,
                e -> assertThat(e.getMessage()).contains("UTF-16", "CSV UTF-8"));
    }

    @Test
    void unbalancedQuotesAreAStructuralErrorNamingTheLineWhereTheRecordStarts() {
        CsvInputException e = failure(HEADER + "\n1,A,B,1980-01-01,a@b.be,1\n2,\"Dupont,B,1980-01-01,a@b.be,1\n3,C,D,1980-01-01,c@b.be,1\n");
        assertThat(e.problem()).isEqualTo(CsvInputException.Problem.QUOTES);
        assertThat(e.line()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void textAfterAClosingQuoteIsAStructuralError() {
        CsvInputException e = failure(HEADER + "\n1,\"Dupont\"x,B,1980-01-01,a@b.be,1\n");
        assertThat(e.problem()).isEqualTo(CsvInputException.Problem.QUOTES);
        assertThat(e.line()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void aRowWithMoreValuesThanColumnsIsRefusedRatherThanShifted() {
        CsvInputException e = failure(HEADER + "\n1,Dupont,fils,B,1980-01-01,a@b.be,1\n");
        assertThat(e.problem()).isEqualTo(CsvInputException.Problem.TOO_MANY_CELLS);
        assertThat(e.line()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void trailingEmptyCellsAndBlankRowsAreHarmless() {
        List<StaffMember> staff = read(HEADER + ",,\n1,A,B,1980-01-01,a@b.be,1,,\n,,,,,,,\n\n2,C,D,1980-01-01,c@b.be,1\n");
        assertThat(staff).extracting(StaffMember::localId).containsExactly("1", "2");
    }

    @Test
    void unknownColumnsAreIgnored() {
        StaffMember m = read(HEADER + ",national_number,address\n1,A,B,1980-01-01,a@b.be,1,80051212345,rue X\n").get(0);
        assertThat(m.localId()).isEqualTo("1");
    }

    @Test
    void aDuplicatedColumnIsAStructuralError() {
        CsvInputException e = failure(HEADER + ",EMAIL\n1,A,B,1980-01-01,a@b.be,1,c@d.be\n");
        assertThat(e.problem()).isEqualTo(CsvInputException.Problem.DUPLICATE_COLUMN);
        assertThat(e.column()).contains("email");
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThat(failure("").problem()).isEqualTo(CsvInputException.Problem.NO_HEADER);
    }

    @Test
    void aHeaderAloneIsAnEmptyStaffList() {
        assertThat(read(HEADER + "\n")).isEmpty();
    }

    @Test
    void sizeAndRowLimitsBoundMemory() {
        CsvStaffReader small = CsvStaffReader.builder().maxBytes(100).maxRows(2).locale(Locale.ENGLISH).build();
        byte[] big = (HEADER + "\n" + "1,A,B,1980-01-01,a@b.be,1\n".repeat(5)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.read(big)).isInstanceOfSatisfying(CsvInputException.class,
                e -> assertThat(e.problem()).isEqualTo(CsvInputException.Problem.TOO_LARGE));
        CsvStaffReader fewRows = CsvStaffReader.builder().maxRows(2).locale(Locale.ENGLISH).build();
        assertThatThrownBy(() -> fewRows.read(big)).isInstanceOfSatisfying(CsvInputException.class,
                e -> assertThat(e.problem()).isEqualTo(CsvInputException.Problem.TOO_MANY_ROWS));
    }

    @Test
    void aHundredMegabyteFileIsRefusedAsTooLarge(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.csv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: 100 MB of zero bytes, no disk or memory spent
        }
        assertThatThrownBy(() -> EN.read(huge)).isInstanceOfSatisfying(CsvInputException.class,
                e -> assertThat(e.problem()).isEqualTo(CsvInputException.Problem.TOO_LARGE));
    }

    @Test
    void binaryGarbageIsAnInputErrorNeverACrash() {
        org.quicktheories.QuickTheory.qt().withExamples(2_000).forAll(org.quicktheories.generators.SourceDSL.integers().between(0, 400),
                org.quicktheories.generators.SourceDSL.longs().all()).checkAssert((size, seed) -> {
            byte[] garbage = new byte[size];
            new java.util.Random(seed).nextBytes(garbage);
            for (CsvStaffReader reader : new CsvStaffReader[] {EN, CsvStaffReader.builder().charset(java.nio.charset.Charset.forName("windows-1252")).build()}) {
                try {
                    reader.read(garbage);
                } catch (CsvInputException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        });
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, (byte) 0xff, (byte) 0xfe};
        assertThatThrownBy(() -> EN.read(zip)).isInstanceOf(CsvInputException.class);
    }

    @Test
    void aMissingFileIsUnreadable(@TempDir Path dir) {
        assertThatThrownBy(() -> EN.read(dir.resolve("nope.csv"))).isInstanceOfSatisfying(CsvInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(CsvInputException.Problem.UNREADABLE_FILE);
            assertThat(e.getMessage()).contains("nope.csv");
        });
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("staff.csv"), HEADER + "\n1,A,B,1980-01-01,a@b.be,1\n");
        assertThat(EN.read(f)).hasSize(1);
    }

    @Test
    void formulaLikeCellsAreKeptAsPlainTextNeverEvaluated() {
        StaffMember m = read(HEADER + "\n1,\"=HYPERLINK(\"\"x\"\")\",+B,1980-01-01,a@b.be,1\n").get(0);
        assertThat(m.lastName()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(m.firstName()).isEqualTo("+B");
        assertThat(Optional.of(m.fieldProblems())).contains(List.of());
    }

    @Test
    void excelsSepLineNamesTheSeparatorAndIsNotTheHeader() {
        List<StaffMember> staff = read("sep=;\r\n" + HEADER.replace(',', ';') + "\r\n1;Dupont, fils;B;1980-01-01;a@b.be;1\r\n"
                + "2;C;D;31/02/1980;c@b.be;1\r\n");
        assertThat(staff).extracting(StaffMember::lastName).containsExactly("Dupont, fils", "C");
        // issue 17: the spreadsheet's row (Excel reads "sep=;" as a setting, not as a row)
        assertThat(staff.get(1).fieldProblems()).extracting(FieldProblem::location).containsExactly("line 3");
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkipped() {
        List<StaffMember> staff = read("\n;;;\n" + HEADER.replace(',', ';') + "\n1;A;B;1980-01-01;a@b.be;1\n");
        assertThat(staff).extracting(StaffMember::localId).containsExactly("1");
    }
}
