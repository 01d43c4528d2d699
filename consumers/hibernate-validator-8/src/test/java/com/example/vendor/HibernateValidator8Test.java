package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.StaffMember;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.core.transfer.TransferReport;
import be.segec.extranet.core.transfer.TransferRun;
import be.segec.extranet.core.transfer.TransferStatus;
import be.segec.extranet.core.transfer.Trigger;
import be.segec.extranet.core.validation.StaffValidation;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor on Hibernate Validator 8.0 and Jakarta Validation 3.0 (Spring Boot 3's line) validates
 * staff records with the library's constraints ({@code StaffValidation}, bootstrapped without
 * Expression Language) and runs a transfer against the fake extranet.
 */
class HibernateValidator8Test {

    private static final SchoolId SCHOOL = SchoolId.of(1234);

    @TempDir
    Path state;

    @Test
    void the_vendors_hibernate_validator_8_0_and_jakarta_validation_3_0_are_on_the_class_path() {
        assertTrue(jarOf(HibernateValidator.class).startsWith("hibernate-validator-8.0."), jarOf(HibernateValidator.class));
        assertEquals("jakarta.validation-api-3.0.2.jar", jarOf(Validation.class));
    }

    private static String jarOf(Class<?> type) {
        return Path.of(URI.create(type.getProtectionDomain().getCodeSource().getLocation().toString())).getFileName().toString();
    }

    @Test
    void the_librarys_constraints_validate_staff_records_with_it() {
        Validator validator = StaffValidation.validator(Clock.systemDefaultZone());
        List<StaffMember> staff = staff();
        assertEquals(Set.of(), validator.validate(staff.get(0)));
        Set<ConstraintViolation<StaffMember>> bad = validator.validate(staff.get(1).toBuilder()
                .lastName("...").birthDate(LocalDate.now().plusDays(1)).build());
        assertEquals(Set.of("email", "lastName", "birthDate"),
                bad.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet()));
        for (ConstraintViolation<StaffMember> v : bad) {
            assertTrue(!v.getMessage().isBlank() && !v.getMessage().contains("${"), v.getMessage());
        }
    }

    @Test
    void a_transfer_to_the_fake_extranet_validates_with_it_and_gives_a_french_report() {
        try (FakeSegecServer extranet = FakeSegecServer.builder().school(SCHOOL, "token-1234").start()) {
            SegecTransfer transfer = SegecTransfer.builder()
                    .transport(HttpTransport.builder().baseUri(extranet.baseUri()).token(() -> "token-1234")
                            .userAgent("VendorSoftware", "1.0").build())
                    .stateDirectory(state)
                    .build();

            TransferReport report = transfer.run(TransferRun.builder(SCHOOL, HibernateValidator8Test::staff)
                    .trigger(Trigger.MANUAL).grantConsent("Mme Dubois").build());

            String text = report.toText(Locale.FRENCH);
            System.out.println(text);
            assertEquals(TransferStatus.COMPLETED_WITH_REJECTIONS, report.status(), text);
            assertEquals(1, extranet.accounts().size(), text);
            assertTrue(report.toJson().contains("\"code\":\"EMAIL_INVALID\""), report.toJson());
        }
    }

    static List<StaffMember> staff() {
        return List.of(
                StaffMember.builder().localId("17").lastName("D'Hondt").firstName("Marie-Claire")
                        .birthDate(LocalDate.of(1980, 4, 12)).email("marie-claire.dhondt@ecole.be")
                        .teaching(true).administrativePresence(true).physicalPresence(true).build(),
                StaffMember.builder().localId("18").lastName("van der Berg").firstName("Luc")
                        .birthDate(LocalDate.of(1975, 9, 3)).email("luc.vanderberg(at)ecole")
                        .teaching(true).administrativePresence(true).physicalPresence(true).build());
    }
}
