package com.example.vendor.modular;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.core.validation.StaffValidation;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.jdbc.PostgresSchema;
import be.segec.extranet.jdbc.PostgresStateStore;
import be.segec.extranet.testkit.FakeSegecServer;
import jakarta.validation.ConstraintViolation;
import org.postgresql.ds.PGSimpleDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A vendor's application on the module path: a transfer to the fake extranet (on a real socket),
 * the French report printed, Jakarta Validation of a record with the library's constraints, and
 * what the library's modules export; given a PostgreSQL URL as its argument, a second school's
 * transfer with its state in PostgreSQL (segec-jdbc, its schema script read from inside its
 * module). Exit 0 only if all of it went as a vendor expects.
 */
public final class ModularVendor {

    private static final SchoolId SCHOOL = SchoolId.of(1234);

    private ModularVendor() {
    }

    public static void main(String[] args) throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        for (Class<?> type : List.of(ModularVendor.class, SegecTransfer.class, HttpTransport.class, FakeSegecServer.class,
                PostgresStateStore.class)) {
            Module module = type.getModule();
            System.out.println("module " + module.getName() + " named=" + module.isNamed() + " (" + type.getSimpleName() + ")");
            if (!module.isNamed()) {
                problems.add(type.getName() + " is not in a named module");
            }
        }
        for (String[] exported : new String[][] {
                {"be.segec.extranet.core.transfer.SegecTransfer", "be.segec.extranet.core.internal"},
                {"be.segec.extranet.core.transfer.SegecTransfer", "be.segec.extranet.core.transfer.internal"},
                {"be.segec.extranet.http.HttpTransport", "be.segec.extranet.http.internal"},
                {"be.segec.extranet.testkit.FakeSegecServer", "be.segec.extranet.testkit.internal"},
                {"be.segec.extranet.jdbc.PostgresStateStore", "be.segec.extranet.jdbc"}}) {
            Module module = Class.forName(exported[0]).getModule();
            boolean visible = module.isExported(exported[1]);
            System.out.println("exports " + exported[1] + "=" + visible);
            if (visible != !exported[1].endsWith(".internal")) {
                problems.add(module.getName() + (visible ? " exports " : " does not export ") + exported[1]);
            }
        }
        // an internal class exists, but this module may not use it, not even by reflection
        java.lang.reflect.Method internal = Class.forName("be.segec.extranet.http.internal.Redaction")
                .getMethod("maskEmails", String.class);
        try {
            internal.invoke(null, "a@b.be");
            problems.add("a public method of an internal package was called from another module");
        } catch (IllegalAccessException expected) {
            System.out.println("internal refused: " + expected.getMessage());
        }

        List<StaffMember> staff = List.of(
                StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                        .birthDate(LocalDate.of(1980, 4, 12)).email("marie-claire.dhondt@ecole.be")
                        .teaching(true).administrativePresence(true).physicalPresence(true).build(),
                StaffMember.builder().localId("18").lastName("Peeters").firstName("Jan")
                        .birthDate(LocalDate.of(1975, 11, 3)).email("jan.peeters@ecole.be")
                        .teaching(true).administrativePresence(true).physicalPresence(true).build());

        // Hibernate Validator reads the record's constrained fields: the module opens them to it
        Set<ConstraintViolation<StaffMember>> violations = StaffValidation.validator(Clock.systemDefaultZone())
                .validate(staff.get(0).toBuilder().email("marie@gmail.con").build());
        Set<String> messages = new TreeSet<>();
        for (ConstraintViolation<StaffMember> v : violations) {
            messages.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        System.out.println("violations " + messages);
        if (messages.size() != 1 || !messages.iterator().next().startsWith("email: ") || messages.toString().contains("{")) {
            problems.add("Jakarta Validation on the module path: " + messages);
        }

        Path state = Files.createTempDirectory("segec-module-path");
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(SCHOOL, "token-1234").start()) {
            SegecTransfer transfer = SegecTransfer.builder()
                    .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-1234")
                            .userAgent("VendorSoftware", "1.0").build())
                    .stateDirectory(state)
                    .build();
            TransferReport report = transfer.run(TransferRun.builder(SCHOOL, () -> staff)
                    .trigger(Trigger.MANUAL).grantConsent("Mme Dubois").build());
            System.out.println(report.toText(Locale.FRENCH));
            System.out.println(report.toText(Locale.ENGLISH));
            if (report.status() != TransferStatus.COMPLETED) {
                problems.add("the transfer ended " + report.status());
            }
            if (extranet.accounts().size() != 2) {
                problems.add("the fake extranet holds " + extranet.accounts().size() + " accounts, not 2");
            }
        }

        if (args.length > 0) {
            PGSimpleDataSource db = new PGSimpleDataSource();
            db.setURL(args[0]);
            SchoolId school = SchoolId.of(1235);
            try (FakeSegecServer extranet = FakeSegecServer.builder().school(school, "token-1235").start()) {
                SegecTransfer transfer = SegecTransfer.builder()
                        .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-1235").build())
                        .stateStore(PostgresStateStore.open(db)) // applies V1__segec_state.sql
                        .build();
                TransferReport report = transfer.run(TransferRun.builder(school, () -> staff)
                        .trigger(Trigger.MANUAL).grantConsent("Mme Dubois").build());
                System.out.println("postgres schema " + PostgresSchema.currentVersion(db) + ", transfer " + report.status()
                        + ", journal " + PostgresStateStore.open(db).journal().read(school).acknowledged().accesses().size());
                if (report.status() != TransferStatus.COMPLETED || extranet.accounts().size() != 2) {
                    problems.add("the transfer with the PostgreSQL store ended " + report.status());
                }
            }
        }

        if (!problems.isEmpty()) {
            System.out.println("PROBLEMS " + problems);
            System.exit(1);
        }
        System.out.println("module path: all as expected");
    }
}
