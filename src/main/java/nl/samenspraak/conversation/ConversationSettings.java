package nl.samenspraak.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

import java.time.ZoneId;

/**
 * {@code samenspraak.conversation.*} in application.yml: the time zone conversations live in, which says what
 * "today" is for a date question ({@code notAfter: today}) and on which day a result was made; how long a finished
 * conversation's code ({@code result-open-for}, 7 days) and link still open its result; how long a result handed
 * over to a resident's phone opens at most ({@code hand-over-for}, 24 hours).
 */
@ConfigurationProperties("samenspraak.conversation")
public class ConversationSettings {
    @NotBlank
    private String timeZone = "Europe/Amsterdam";
    /** How long a finished conversation's code and link still open its result, read-only, unless its flow says. */
    private java.time.Duration resultOpenFor = java.time.Duration.ofDays(7);
    /** How long the link opens a result its flow never reopens by code ({@code result: none}): the page just made. */
    private java.time.Duration resultGrace = java.time.Duration.ofHours(1);

    /** How long a result handed over to a resident's phone opens, at most (see {@link ResultHandOvers}). */
    private java.time.Duration handOverFor = java.time.Duration.ofHours(24);

    public java.time.Duration getHandOverFor() {
        return handOverFor;
    }

    public void setHandOverFor(java.time.Duration handOverFor) {
        this.handOverFor = handOverFor;
    }

    public java.time.Duration getResultOpenFor() {
        return resultOpenFor;
    }

    public void setResultOpenFor(java.time.Duration resultOpenFor) {
        this.resultOpenFor = resultOpenFor;
    }

    public java.time.Duration getResultGrace() {
        return resultGrace;
    }

    public void setResultGrace(java.time.Duration resultGrace) {
        this.resultGrace = resultGrace;
    }

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
