package nl.samenspraak.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.Translations;

import java.util.Locale;

/** The language to answer a request in: the one asked for, else the browser's (Accept-Language), else Dutch. */
@Singleton
public class RequestLanguage {
    private final Translations translations;

    public RequestLanguage(FlowLibrary library) {
        this.translations = library.translations();
    }

    public String of(@Nullable HttpRequest<?> request, @Nullable String asked) {
        if (asked != null && translations.language(asked).isPresent()) {
            return asked;
        }
        return fromHeader(request == null ? null : request.getHeaders().get("Accept-Language"));
    }

    /** The first language of an Accept-Language header that the product speaks, else Dutch. */
    public String fromHeader(@Nullable String header) {
        if (header == null) {
            return Language.SOURCE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String code = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (translations.language(code).isPresent()) {
                    return code;
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // a header anyone can write: the JDK's parser refuses some with an IndexOutOfBoundsException ("--"), not
            // the IllegalArgumentException it documents; either way there is no preference to follow
            return Language.SOURCE;
        }
        return Language.SOURCE;
    }
}
