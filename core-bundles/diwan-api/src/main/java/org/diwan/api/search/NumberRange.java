package org.diwan.api.search;

/**
 * Whole numbers from {@code min} to {@code max}, both included; an open end is {@code null}.
 */
public record NumberRange(Long min, Long max) {

    public NumberRange {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("Range from " + min + " to " + max + " is empty");
        }
    }
}
