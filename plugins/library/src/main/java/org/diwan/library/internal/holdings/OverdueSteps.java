package org.diwan.library.internal.holdings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * The steps of overdue notices: a loan {@code steps[i]} days or more past its due date has reached step {@code i + 1}.
 * A loan is told of the highest step it has reached, once; a step lower than one already sent (a node that was off
 * for days) is never sent after it.
 */
public final class OverdueSteps {

    private final List<Integer> days;

    /** @param days days past the due date of each step, rising, the first at least 1 */
    public OverdueSteps(List<Integer> days) {
        if (days.isEmpty() || days.get(0) < 1) {
            throw new IllegalArgumentException("overdue steps start at one day or more: " + days);
        }
        for (int i = 1; i < days.size(); i++) {
            if (days.get(i) <= days.get(i - 1)) {
                throw new IllegalArgumentException("overdue steps rise: " + days);
            }
        }
        this.days = List.copyOf(days);
    }

    /** Reads {@code "1, 7, 14"}. */
    public static OverdueSteps parse(String text) {
        List<Integer> days = new java.util.ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                days.add(Integer.parseInt(part.trim()));
            }
        }
        return new OverdueSteps(days);
    }

    /** The step (1-based) a loan due on {@code due} has reached on {@code today}; 0 when not overdue enough. */
    public int reached(LocalDate due, LocalDate today) {
        long late = ChronoUnit.DAYS.between(due, today);
        int step = 0;
        for (int i = 0; i < days.size(); i++) {
            if (late >= days.get(i)) {
                step = i + 1;
            }
        }
        return step;
    }

    /** The step to notify now, if any: the one reached, unless it or a higher one was sent already. */
    public OptionalInt toSend(LocalDate due, LocalDate today, Collection<Integer> sent) {
        int step = reached(due, today);
        if (step == 0 || sent.stream().anyMatch(s -> s >= step)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(step);
    }

    /** Days past the due date. */
    public static long late(LocalDate due, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(due, today));
    }
}
