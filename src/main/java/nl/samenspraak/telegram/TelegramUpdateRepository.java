package nl.samenspraak.telegram;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** The update ids already handled (see {@link SeenUpdates}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TelegramUpdateRepository extends GenericRepository<TelegramUpdateRepository.SeenUpdate, Long> {

    /** 1 when the id is new and now taken, 0 when it was seen before (also by someone else at this moment). */
    @Query("INSERT INTO telegram_update (bot_id, update_id, received_at) VALUES (:botId, :updateId, :receivedAt) "
            + "ON CONFLICT DO NOTHING")
    long claim(long botId, long updateId, Instant receivedAt);

    /** PostgreSQL only: waits for and takes the chat's lock until the transaction ends (see {@link ChatLock}); 1. */
    @Query("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:space, :key)) l")
    long lockChat(int space, int key);

    @Query("DELETE FROM telegram_update WHERE received_at < :before")
    long prune(Instant before);

    @MappedEntity("telegram_update")
    record SeenUpdate(@Id Long updateId, Long botId, Instant receivedAt) {
    }
}
