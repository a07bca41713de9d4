package org.diwan.library.internal.holdings;

/** The circulation rules as read from {@link CirculationConfig}. */
public record Settings(int loanDays, int maxRenewals, Locations locations, OverdueSteps steps) {

    public static Settings of(CirculationConfig config) {
        return new Settings(Math.max(1, Math.min(365, config.loanDays())), Math.max(0, config.maxRenewals()), new Locations(config.locations()),
                OverdueSteps.parse(config.overdueSteps()));
    }
}
