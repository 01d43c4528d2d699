package be.segec.extranet.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import be.segec.extranet.core.validation.BirthDates.Problem;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Rule 3's birth date: 18 to 75 years old on the reference date, whole years, both ends included. */
class BirthDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static Problem check(LocalDate birth, LocalDate today) {
        return BirthDates.check(Optional.of(birth), today);
    }

    /** Reference dates over two centuries, 29 February included. */
    private static Gen<LocalDate> referenceDates() {
        return localDates().withDaysBetween(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2150, 12, 31).toEpochDay());
    }

    /** The age as people count it, written independently of java.time's period arithmetic. */
    private static long oracleAge(LocalDate birth, LocalDate today) {
        boolean birthdayPassed = today.getMonthValue() > birth.getMonthValue()
                || today.getMonthValue() == birth.getMonthValue() && today.getDayOfMonth() >= birth.getDayOfMonth();
        return today.getYear() - birth.getYear() - (birthdayPassed ? 0 : 1);
    }

    @Test
    void eighteenToSeventyFiveYearsOldBothIncluded() {
        assertThat(check(LocalDate.of(2008, 12, 4), TODAY)).isEqualTo(Problem.NONE); // 18 today
        assertThat(check(LocalDate.of(2008, 12, 5), TODAY)).isEqualTo(Problem.TOO_YOUNG); // 18 tomorrow
        assertThat(check(LocalDate.of(2010, 6, 1), TODAY)).isEqualTo(Problem.TOO_YOUNG);
        assertThat(check(LocalDate.of(1950, 12, 5), TODAY)).isEqualTo(Problem.NONE); // 75, 76 tomorrow
        assertThat(check(LocalDate.of(1950, 12, 4), TODAY)).isEqualTo(Problem.TOO_OLD); // 76 today
        assertThat(check(LocalDate.of(1899, 12, 29), TODAY)).isEqualTo(Problem.TOO_OLD);
        assertThat(check(TODAY, TODAY)).isEqualTo(Problem.TOO_YOUNG);
        assertThat(check(TODAY.plusDays(1), TODAY)).isEqualTo(Problem.IN_FUTURE);
        assertThat(BirthDates.check(Optional.empty(), TODAY)).isEqualTo(Problem.MISSING);
        assertThat(BirthDates.ageOn(LocalDate.of(2010, 6, 1), TODAY)).isEqualTo(16);
    }

    @Test
    void aSpreadsheetsEmptyDateCellIsAMissingDateWhateverTheReferenceDate() {
        for (LocalDate cell : new LocalDate[] {LocalDate.of(1900, 1, 1), LocalDate.of(1899, 12, 30), LocalDate.of(1899, 12, 31)}) {
            assertThat(check(cell, TODAY)).isEqualTo(Problem.EMPTY_CELL);
            assertThat(check(cell, LocalDate.of(1960, 1, 1))).as("even when 1900 would be a plausible year").isEqualTo(Problem.EMPTY_CELL);
        }
        assertThat(check(LocalDate.of(1900, 1, 2), LocalDate.of(1960, 1, 1))).isEqualTo(Problem.NONE);
    }

    @Test
    void bornOn29FebruaryGetsOlderOn1MarchInCommonYears() {
        LocalDate leapBirth = LocalDate.of(2008, 2, 29);
        assertThat(check(leapBirth, LocalDate.of(2026, 2, 28))).isEqualTo(Problem.TOO_YOUNG);
        assertThat(check(leapBirth, LocalDate.of(2026, 3, 1))).isEqualTo(Problem.NONE);
        assertThat(check(LocalDate.of(1952, 2, 29), LocalDate.of(2028, 2, 28))).isEqualTo(Problem.NONE); // 75
        assertThat(check(LocalDate.of(1952, 2, 29), LocalDate.of(2028, 2, 29))).isEqualTo(Problem.TOO_OLD); // 76
    }

    @Test
    void theBoundariesAreExactForAnyReferenceDate() {
        qt().forAll(referenceDates()).check(today -> {
            LocalDate youngest = today.minusYears(BirthDates.MIN_AGE_YEARS);
            LocalDate oldest = today.minusYears(BirthDates.MAX_AGE_YEARS + 1L).plusDays(1);
            return check(youngest, today) == Problem.NONE
                    && check(youngest.plusDays(1), today) == Problem.TOO_YOUNG
                    && check(oldest, today) == Problem.NONE
                    && check(oldest.minusDays(1), today) == Problem.TOO_OLD;
        });
    }

    @Test
    void plausibleExactlyWhenTheAgeCountedOnBirthdaysIsEighteenToSeventyFive() {
        Gen<LocalDate> births = localDates().withDaysBetween(LocalDate.of(1900, 1, 2).toEpochDay(), LocalDate.of(2150, 12, 31).toEpochDay());
        qt().forAll(births, referenceDates()).check((birth, today) -> {
            Problem p = check(birth, today);
            if (birth.isAfter(today)) {
                return p == Problem.IN_FUTURE;
            }
            long age = oracleAge(birth, today);
            return BirthDates.ageOn(birth, today) == age
                    && p == (age < 18 ? Problem.TOO_YOUNG : age > 75 ? Problem.TOO_OLD : Problem.NONE);
        });
    }

    @Test
    void leapDayBirthsFollowTheSameRule() {
        Gen<LocalDate> leapDays = integers().between(1904, 2148).map(y -> {
            int leap = y - y % 4;
            return LocalDate.of(Year.isLeap(leap) ? leap : leap - 4, 2, 29);
        });
        // reference dates around the end of February: 27 and 28 February, then 29 February or 1 March, then the day after
        Gen<LocalDate> endsOfFebruary = integers().between(1990, 2150).zip(integers().between(0, 3),
                (y, d) -> LocalDate.of(y, 2, 27).plusDays(d));
        qt().forAll(leapDays, endsOfFebruary).check((birth, today) -> {
            Problem p = check(birth, today);
            if (birth.isAfter(today)) {
                return p == Problem.IN_FUTURE;
            }
            long age = oracleAge(birth, today);
            return p == (age < 18 ? Problem.TOO_YOUNG : age > 75 ? Problem.TOO_OLD : Problem.NONE);
        });
    }
}
