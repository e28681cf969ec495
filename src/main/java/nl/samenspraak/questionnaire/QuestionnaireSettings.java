package nl.samenspraak.questionnaire;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code samenspraak.questionnaires.*} in application.yml, the one place its defaults are written: the largest
 * XLSForm upload, how often each instance looks for a newly published questionnaire, and how often at most a list
 * of the flows or a flow id not served makes it look at once (see {@link nl.samenspraak.cluster.SharedLook}).
 */
@ConfigurationProperties("samenspraak.questionnaires")
public record QuestionnaireSettings(@Min(1) long maxBytes, @NotNull Duration refresh, @NotNull Duration lookAtMostEvery) {
}
