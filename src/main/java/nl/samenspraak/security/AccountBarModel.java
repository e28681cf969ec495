package nl.samenspraak.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.web.Pages;

import java.util.Map;
import java.util.Optional;

/**
 * Puts the {@link AccountBar} ({@code $bar}) into the model of every page rendered for a logged-in person, in the
 * page's language ({@code $lang}); the menu follows the role in the login token, which the session check keeps
 * current. Pages rendered for nobody get no bar.
 */
@Singleton
public class AccountBarModel implements ViewModelProcessor<Map<String, Object>> {
    private final Pages pages;

    public AccountBarModel(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> page) {
        Optional<Authentication> me = request.getUserPrincipal(Authentication.class);
        Optional<Map<String, Object>> model = page.getModel();
        if (me.isEmpty() || model.isEmpty() || model.get().containsKey("bar")) {
            return;
        }
        Object lang = model.get().get("lang");
        try {
            model.get().put("bar", of(me.get(), lang instanceof String l ? l : Language.SOURCE));
        } catch (UnsupportedOperationException fixedModel) {
            // a model made with Map.of is not a page with an account bar
        }
    }

    AccountBar of(Authentication me, String language) {
        boolean admin = me.getRoles().contains(Role.ADMIN_NAME);
        boolean manager = me.getRoles().contains(Role.MANAGER_NAME);
        boolean intermediair = me.getRoles().contains(Role.INTERMEDIAIR_NAME);
        return new AccountBar(me.getName(), admin,
                admin || manager ? pages.words(language, "dashboard").get("nav") : "",
                intermediair ? pages.words(language, "intermediair").get("nav") : "");
    }
}
