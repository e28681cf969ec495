package nl.samenspraak.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code samenspraak.retention.*} in application.yml, the one place its defaults are written: how long the audit log
 * keeps an event ({@code audit-log}, 365 days), which {@link RetentionJob} deletes after that. The job's first look
 * ({@code first-run}) is read by its {@code @Scheduled} annotation. An audit event holds a staff member's account and
 * address: kept long enough to look into an incident afterwards, not for ever.
 */
@ConfigurationProperties("samenspraak.retention")
public record RetentionSettings(@NotNull Duration auditLog) {

    public RetentionSettings {
        // zero or less would empty the audit log at every run: never what someone setting a period meant
        if (auditLog != null && (auditLog.isZero() || auditLog.isNegative())) {
            throw new ConfigurationException("SAMENSPRAAK_RETENTION_AUDIT_LOG must be a positive period (e.g. 365d), not "
                    + auditLog);
        }
    }
}
