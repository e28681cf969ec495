package nl.samenspraak.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import nl.samenspraak.security.PasswordRules;
import nl.samenspraak.security.Refused;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the admin pages share: their words ($auth, $admin), the error or notice, no caching (who is logged in is security.AccountBarModel's). */
@Singleton
class AdminPages {
    private static final Pattern LINE = Pattern.compile("\\R");

    private final Pages pages;
    private final PasswordRules rules;

    AdminPages(Pages pages, PasswordRules rules) {
        this.pages = pages;
        this.rules = rules;
    }

    Map<String, Object> model(String language, @Nullable Refused error, @Nullable String done) {
        Map<String, Object> model = pages.model(language, "auth", "admin");
        model.put("minLength", rules.minLength());
        model.put("passwordHint", pages.message(language, "auth.password_hint", Map.of("min", rules.minLength())));
        model.put("error", error == null ? "" : pages.message(language, error.key(), error.parameters()));
        model.put("notice", Pages.notice(pages.words(language, "admin"), done));
        return model;
    }

    String roleName(String language, String role) {
        return pages.words(language, "auth").getOrDefault("role_" + role, role);
    }

    static HttpResponse<?> show(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model)).header("Cache-Control", "no-store");
    }

    static HttpResponse<?> redirect(String path, String language, @Nullable String done) {
        return HttpResponse.seeOther(URI.create(Pages.link(path, language, done)));
    }

    /** The lines of a text area, as typed. */
    static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : List.of(LINE.split(text));
    }

    static long number(@Nullable String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
