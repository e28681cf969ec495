package nl.samenspraak.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

import java.time.ZoneId;

/**
 * {@code samenspraak.conversation.*} in application.yml: the time zone conversations live in, which says what
 * "today" is for a date question ({@code notAfter: today}) and on which day a result was made.
 */
@ConfigurationProperties("samenspraak.conversation")
public class ConversationSettings {
    @NotBlank
    private String timeZone = "Europe/Amsterdam";

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
