package be.segec.extranet.cli;

import static be.segec.extranet.testkit.quicktheories.QuickTheoriesAdapter.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import be.segec.extranet.core.StaffField;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.testkit.StaffGenerators;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * For all staff lists (realistic Belgian names with accents, apostrophes, particles), written as
 * any spreadsheet would write them — either separator, any column order, ISO or Belgian dates,
 * any spelling of the boxes, with or without BOM, LF or CRLF — the reader gives back exactly the
 * records.
 */
class CsvRoundTripPropertiesTest {

    private static final String[][] BOXES = {{"1", "0"}, {"true", "false"}, {"O", "N"}, {"oui", "non"}, {"yes", "no"}, {"x", ""}};
    private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void whatASpreadsheetWritesIsReadBackExactly() {
        qt().withExamples(300).forAll(
                        lists().of(gen(StaffGenerators.staffMembers())).ofSizeBetween(0, 12),
                        integers().between(0, Integer.MAX_VALUE),
                        integers().between(0, BOXES.length - 1),
                        integers().between(0, 7))
                .check((staff, columnSeed, boxes, flags) -> {
                    byte[] file = write(staff, new Random(columnSeed), BOXES[boxes], flags);
                    List<StaffMember> read = CsvStaffReader.utf8().read(file);
                    assertThat(read).isEqualTo(staff.stream().map(CsvRoundTripPropertiesTest::asRead).toList());
                    return true;
                });
    }

    /** What the reader can give back: values stripped of surrounding spaces, as a cell is. */
    private static StaffMember asRead(StaffMember m) {
        return m.toBuilder().localId(m.localId().strip()).lastName(m.lastName().strip()).firstName(m.firstName().strip())
                .email(m.email().map(String::strip).filter(e -> !e.isEmpty()).orElse(null)).build();
    }

    private static byte[] write(List<StaffMember> staff, Random random, String[] box, int flags) {
        char sep = (flags & 1) == 0 ? ',' : ';';
        boolean belgianDates = (flags & 2) != 0;
        String eol = (flags & 4) != 0 ? "\r\n" : "\n";
        List<StaffField> columns = new ArrayList<>(List.of(StaffField.values()));
        Collections.shuffle(columns, random);
        Function<LocalDate, String> date = d -> belgianDates ? d.format(BELGIAN) : d.toString();
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(String.valueOf(sep), columns.stream().map(StaffField::columnName).toList())).append(eol);
        for (StaffMember m : staff) {
            List<String> cells = new ArrayList<>();
            for (StaffField f : columns) {
                cells.add(cell(switch (f) {
                    case LOCAL_ID -> m.localId();
                    case LAST_NAME -> m.lastName();
                    case FIRST_NAME -> m.firstName();
                    case BIRTH_DATE -> m.birthDate().map(date).orElse("");
                    case EMAIL -> m.email().orElse("");
                    case TEACHING -> box[m.teaching() ? 0 : 1];
                    case PROMOTION_FUNCTION -> box[m.promotionFunction() ? 0 : 1];
                    case ADMINISTRATIVE_PRESENCE -> box[m.administrativePresence() ? 0 : 1];
                    case PHYSICAL_PRESENCE -> box[m.physicalPresence() ? 0 : 1];
                    case EXIT_DATE -> m.exitDate().map(date).orElse("");
                }, sep));
            }
            sb.append(String.join(String.valueOf(sep), cells)).append(eol);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Quoted as spreadsheets do when the value holds the separator, a quote, a line break or outer spaces. */
    private static String cell(String value, char sep) {
        boolean quote = value.indexOf(sep) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
