package nl.samenspraak.cluster;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code samenspraak.leader.*} in application.yml (the one place its default is written): how often an instance
 * tries to become the leader, and how often the leader checks that its lock's connection still lives. Short enough
 * that Telegram polling moves on within seconds when the leader dies; each try is one statement on PostgreSQL.
 */
@ConfigurationProperties("samenspraak.leader")
public class LeaderSettings {
    @NotNull
    private Duration tryEvery;

    public Duration getTryEvery() {
        return tryEvery;
    }

    public void setTryEvery(Duration tryEvery) {
        this.tryEvery = tryEvery;
    }
}
