package nl.samenspraak.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** {@code samenspraak.dashboard.*} in application.yml: the minimum group size k and the time zone of periods. */
@ConfigurationProperties("samenspraak.dashboard")
public class DashboardSettings {
    @Min(1)
    private int minimumGroupSize = 5;
    @NotBlank
    private String timeZone = "Europe/Amsterdam";

    public int getMinimumGroupSize() {
        return minimumGroupSize;
    }

    public void setMinimumGroupSize(int minimumGroupSize) {
        this.minimumGroupSize = minimumGroupSize;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
