package org.diwan.library.internal.holdings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class OverdueStepsTest {

    private final OverdueSteps steps = OverdueSteps.parse("1, 7, 14");
    private final LocalDate due = LocalDate.of(2026, 12, 10);

    @Test
    void aLoanReachesEachStepOnItsDayPastTheDueDate() {
        assertThat(steps.reached(due, due)).isZero();
        assertThat(steps.reached(due, due.plusDays(1))).isEqualTo(1);
        assertThat(steps.reached(due, due.plusDays(6))).isEqualTo(1);
        assertThat(steps.reached(due, due.plusDays(7))).isEqualTo(2);
        assertThat(steps.reached(due, due.plusDays(40))).isEqualTo(3);
    }

    @Test
    void aStepAlreadySentIsNotSentAgainNorALowerOneAfterAHigher() {
        assertThat(steps.toSend(due, due.plusDays(2), List.of())).isEqualTo(OptionalInt.of(1));
        assertThat(steps.toSend(due, due.plusDays(2), List.of(1))).isEmpty();
        assertThat(steps.toSend(due, due.plusDays(8), List.of(1))).isEqualTo(OptionalInt.of(2));
        // a node off for a fortnight tells the borrower of the third step only, and never of the first after it
        assertThat(steps.toSend(due, due.plusDays(15), List.of())).isEqualTo(OptionalInt.of(3));
        assertThat(steps.toSend(due, due.plusDays(15), List.of(3))).isEmpty();
        assertThat(steps.toSend(due, due.minusDays(1), List.of())).isEmpty();
    }

    @Test
    void stepsMustRiseFromOneDayOrMore() {
        assertThatThrownBy(() -> OverdueSteps.parse("0, 7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverdueSteps.parse("7, 7")).isInstanceOf(IllegalArgumentException.class);
    }
}
