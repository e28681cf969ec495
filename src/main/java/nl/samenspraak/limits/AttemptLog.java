package nl.samenspraak.limits;

import java.time.Instant;

/** Where attempts are counted: the database in the service (shared by every instance), memory in unit tests. */
public interface AttemptLog {
    void add(String bucket, Instant at);

    long count(String bucket, Instant since);

    void clear(String bucket);
}
