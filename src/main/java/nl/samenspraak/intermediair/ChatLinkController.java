package nl.samenspraak.intermediair;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.chatlink.ChatLinks;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.OwnLanguage;
import nl.samenspraak.security.Role;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Koppel Telegram" on "Mijn gesprekken": makes the intermediair a single-use link that ties their Telegram chat to
 * their account (the rule and the token are {@link ChatLinks}'), shown once on a page of its own and never stored in
 * the clear; and unlinks every chat of theirs. Without a bot set up there is nothing to link to: "not found".
 */
@Hidden
@Controller("/intermediair/telegram")
@Secured(Role.INTERMEDIAIR_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChatLinkController {
    private final ChatLinks links;
    private final Pages pages;
    private final OwnLanguage ownLanguage;
    private final nl.samenspraak.conversation.ConversationSettings settings;

    public ChatLinkController(ChatLinks links, Pages pages, OwnLanguage ownLanguage,
                              nl.samenspraak.conversation.ConversationSettings settings) {
        this.settings = settings;
        this.links = links;
        this.pages = pages;
        this.ownLanguage = ownLanguage;
    }

    @Post(value = "/link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> link(Authentication me, @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        Map<String, Object> model = pages.model(language, "auth", "intermediair", "chatlink");
        Optional<ChatLinks.NewLink> made = links.newLink(Accounts.idOf(me));
        if (made.isEmpty()) {
            return page("intermediair/not-found", model, HttpStatus.NOT_FOUND);
        }
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.forLanguageTag(language))
                .withZone(settings.zone()).format(made.get().validUntil());
        model.put("address", made.get().address());
        model.put("ready", pages.message(language, "chatlink.link_ready", Map.of("time", time)));
        model.put("untilIso", made.get().validUntil().toString());
        return page("intermediair/telegram-link", model, HttpStatus.OK);
    }

    @Post(value = "/unlink", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> unlink(Authentication me, @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        links.unlinkAll(Accounts.idOf(me));
        return HttpResponse.seeOther(URI.create(Pages.link("/intermediair", language, "unlinked") + "#telegram"));
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model)).header("Cache-Control", "no-store");
    }
}
