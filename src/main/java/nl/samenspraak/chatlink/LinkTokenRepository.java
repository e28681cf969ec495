package nl.samenspraak.chatlink;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LinkTokenRepository extends CrudRepository<LinkTokenRecord, String> {

    /** Marks the token used if it is unused and still valid: 1 for the one chat that redeems it, 0 for any other. */
    @Query("update chat_link_token set used_at = :now where token_hash = :tokenHash and used_at is null and expires_at > :now")
    int claim(String tokenHash, Instant now);

    /** An account's tokens that no longer serve (used or expired), removed when it makes a new one. */
    @Query("delete from chat_link_token where account_id = :accountId and (used_at is not null or expires_at <= :now)")
    int deleteSpent(Long accountId, Instant now);

    /** Every token that stopped working before {@code before}, used or not, whoever's (the daily retention run). */
    @Query("delete from chat_link_token where expires_at < :before")
    int deleteExpiredBefore(Instant before);
}
