package be.segec.extranet.cli.internal;

import be.segec.extranet.cli.CsvStaffReader;
import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fictitious school bundled for the demo, with its staff export as a CSV resource.
 *
 * @param id       its FASE number
 * @param name     its name
 * @param resource the CSV file, next to this class under {@code demo/}
 */
public record SampleSchool(SchoolId id, String name, String resource) {

    /** A primary school exported from a spreadsheet: {@code ;}, BOM, dd/MM/yyyy, O/N; 31 records with every interesting case. */
    public static final SampleSchool SAINT_JOSEPH =
            new SampleSchool(SchoolId.of(4321), "École fondamentale Saint-Joseph", "ecole-saint-joseph-4321.csv");
    /** A secondary school exported by a program: {@code ,}, ISO dates, 1/0; one teacher also works at Saint-Joseph. */
    public static final SampleSchool SAINTE_MARIE =
            new SampleSchool(SchoolId.of(5678), "Institut Sainte-Marie", "institut-sainte-marie-5678.csv");

    public SampleSchool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
    }

    /** Both sample schools, in the order the demo transfers them. */
    public static List<SampleSchool> all() {
        return List.of(SAINT_JOSEPH, SAINTE_MARIE);
    }

    /** The raw CSV file. */
    public byte[] csv() {
        try (InputStream in = SampleSchool.class.getResourceAsStream("/be/segec/extranet/cli/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Sample school file missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staff, read as the transfer command reads a file. */
    public List<StaffMember> staff(Locale locale) {
        return CsvStaffReader.builder().locale(locale).build().read(csv());
    }
}
