package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code samenspraak.dashboard.*} in application.yml (the one place its defaults are written): the minimum group size k,
 * how long another instance's k is obeyed after it last said it, the time zone of periods, rounds only, when a closed
 * round's figures appear.
 */
@ConfigurationProperties("samenspraak.dashboard")
public class DashboardSettings {
    @Min(1)
    private int minimumGroupSize;
    /**
     * Instances on one database apply the largest k one of them said within this time (each says its own every third
     * of it): see {@link StrictestMinimumGroupSize}.
     */
    @NotNull
    private Duration minimumGroupSizeHeardWithin;
    @NotBlank
    private String timeZone;
    /**
     * Team figures from closed survey rounds only (issue 9). false counts every finished conversation of the team
     * as before rounds existed, join link included: only for a migration period, never with real respondents.
     */
    private boolean roundsOnly;
    /**
     * A closed round's figures appear this long after it closed (see {@link nl.samenspraak.round.SurveyRound#settled}):
     * longer than a turn under way and than the instances' clocks differ.
     */
    @NotNull
    private Duration roundFiguresAfter;

    public Duration getRoundFiguresAfter() {
        return roundFiguresAfter;
    }

    public void setRoundFiguresAfter(Duration roundFiguresAfter) {
        this.roundFiguresAfter = roundFiguresAfter;
    }

    public boolean isRoundsOnly() {
        return roundsOnly;
    }

    public void setRoundsOnly(boolean roundsOnly) {
        this.roundsOnly = roundsOnly;
    }

    public int getMinimumGroupSize() {
        return minimumGroupSize;
    }

    public void setMinimumGroupSize(int minimumGroupSize) {
        this.minimumGroupSize = minimumGroupSize;
    }

    public Duration getMinimumGroupSizeHeardWithin() {
        return minimumGroupSizeHeardWithin;
    }

    public void setMinimumGroupSizeHeardWithin(Duration minimumGroupSizeHeardWithin) {
        this.minimumGroupSizeHeardWithin = minimumGroupSizeHeardWithin;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
