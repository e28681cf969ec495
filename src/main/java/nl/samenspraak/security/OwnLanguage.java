package nl.samenspraak.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.FlowLibrary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The language of a logged-in person's own pages, chosen on their account page (issue 14: an intermediair's own
 * language, apart from the language of the resident they talk with). It wins over the page's {@code ?lang=} and the
 * browser's language, so a phone set to another language, or a link from the login page, does not change it. Not
 * chosen: as before, {@code ?lang=}, else the browser's.
 */
@Singleton
public class OwnLanguage {
    private final AccountRepository accounts;
    private final FlowLibrary library;

    public OwnLanguage(AccountRepository accounts, FlowLibrary library) {
        this.accounts = accounts;
        this.library = library;
    }

    /** The language to show {@code me} a page of their own in: their chosen one, else {@code pageLanguage}. */
    public String of(Authentication me, String pageLanguage) {
        return chosen(Accounts.idOf(me)).orElse(pageLanguage);
    }

    /** The language this account chose for its pages, if it chose one the product (still) speaks. */
    public Optional<String> chosen(long accountId) {
        return accounts.findById(accountId).map(Account::interfaceLanguage)
                .filter(code -> library.translations().language(code).isPresent());
    }

    /** Chooses the language of the account's pages; null or blank: the browser's again. Refuses a language we lack. */
    public void choose(long accountId, @Nullable String language) {
        String code = language == null || language.isBlank() ? null : language.strip();
        if (code != null && library.translations().language(code).isEmpty()) {
            throw new Refused("auth.language_invalid");
        }
        accounts.setInterfaceLanguage(accountId, code, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
