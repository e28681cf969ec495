package nl.samenspraak.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

/**
 * {@code samenspraak.limits.*} in application.yml, the one place its defaults are written: how many conversations one
 * client may start per hour ({@link StartLimit}), how many resume codes it may look up per minute
 * ({@link AttemptLimiter}) and how many result PDFs it may have made per minute ({@link DocumentLimit}).
 */
@ConfigurationProperties("samenspraak.limits")
public record LimitSettings(@Min(1) int startsPerHour, @Min(1) int resumeAttemptsPerMinute, @Min(1) int documentsPerMinute) {
}
