package nl.samenspraak.chatlink;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChatLinkRepository extends CrudRepository<ChatLinkRecord, String> {

    boolean existsByAccountId(Long accountId);

    @Query("delete from chat_link where account_id = :accountId")
    int deleteByAccountId(Long accountId);
}
