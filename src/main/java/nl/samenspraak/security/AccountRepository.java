package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccountRepository extends CrudRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByRole(String role);

    List<Account> listOrderByUsername();

    /** Ends every session of the account: tokens carrying an older version are refused. */
    @Query("UPDATE account SET session_version = session_version + 1, updated_at = :now WHERE id = :id")
    long endSessions(long id, Instant now);

    /** The language of the account's own pages (null: the browser's); logins go on. */
    @Query("UPDATE account SET interface_language = :language, updated_at = :now WHERE id = :id")
    long setInterfaceLanguage(long id, @Nullable String language, Instant now);
}
