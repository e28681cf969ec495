package nl.samenspraak.pages;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import jakarta.inject.Singleton;
import nl.samenspraak.system.RequestLanguage;

import java.util.Map;
import java.util.Optional;

/**
 * Binds {@link PageLanguage} arguments. A form post carries its language as a hidden {@code lang} field; that
 * is read after the body is (this binder is postponed until then), so a refused form answers in the language
 * the person filled it in.
 */
@Singleton
public class PageLanguageBinder implements AnnotatedRequestArgumentBinder<PageLanguage, String>, PostponedRequestArgumentBinder<String> {
    private static final Argument<Map<String, String>> FORM = Argument.mapOf(String.class, String.class);

    private final RequestLanguage languages;

    public PageLanguageBinder(RequestLanguage languages) {
        this.languages = languages;
    }

    @Override
    public Class<PageLanguage> getAnnotationType() {
        return PageLanguage.class;
    }

    @Override
    public BindingResult<String> bind(ArgumentConversionContext<String> context, HttpRequest<?> request) {
        String language = of(request);
        return () -> Optional.of(language);
    }

    /** The language of {@code request}, for code outside a controller argument (filters, error handlers). */
    public String of(HttpRequest<?> request) {
        return languages.of(request, asked(request));
    }

    /**
     * The language to refuse {@code request} in from a handler of the page's own (a 403 for a team that is not the
     * account's): what its address or login names ({@link RequestLanguage#refusal}), else as {@link #of}.
     */
    public String refusal(HttpRequest<?> request) {
        return languages.refusal(request, asked(request));
    }

    /**
     * A form's own {@code lang} field, else its address's {@code ?lang=}: a form with no fields of its own (a chat's
     * "Link en QR-code maken", whose action carries the language) answered in the browser's language instead.
     */
    private static String asked(HttpRequest<?> request) {
        boolean form = request.getContentType().map(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).orElse(false);
        String fromForm = form ? request.getBody(FORM).map(f -> f.get("lang")).orElse(null) : null;
        return fromForm != null ? fromForm : request.getParameters().get("lang");
    }
}
