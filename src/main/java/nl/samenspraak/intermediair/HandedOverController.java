package nl.samenspraak.intermediair;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ResultHandOvers;
import nl.samenspraak.engine.AnswerWords;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Moments;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.ChatView;
import nl.samenspraak.web.Pages;

import java.util.Map;
import java.util.Optional;

/**
 * A result an intermediair handed over, {@code /h/<token>}, opened on the resident's own phone: the result alone, in
 * the resident's language, with the flow's title, the team and the date, and its PDF. No answers, no code, no
 * question, none of the intermediair's words. A wrong, ended or deleted token is "not found" (404), the same for
 * each, in the language the browser asks for. Anonymous; no cookie.
 */
@Hidden
@Controller("/h/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HandedOverController {
    private final ResultHandOvers handOvers;
    private final FlowLibrary library;
    private final Teams teams;
    private final ChatView chatView;
    private final Pages pages;
    private final nl.samenspraak.conversation.ConversationSettings settings;

    public HandedOverController(ResultHandOvers handOvers, FlowLibrary library, Teams teams, ChatView chatView, Pages pages,
                                nl.samenspraak.conversation.ConversationSettings settings) {
        this.handOvers = handOvers;
        this.library = library;
        this.teams = teams;
        this.chatView = chatView;
        this.pages = pages;
        this.settings = settings;
    }

    static String path(String token) {
        return "/h/" + token;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(@PathVariable String token, @PageLanguage String pageLanguage) {
        Optional<ResultHandOvers.Opened> opened = handOvers.open(token);
        if (opened.isEmpty()) {
            return gone(pageLanguage);
        }
        ConversationState state = opened.get().state();
        String language = state.language();
        Translations t = library.translations();
        Map<String, Object> model = pages.model(language, "handover");
        model.put("title", t.flowText(language, state.flow(), "title"));
        model.put("team", teamName(opened.get().teamId()).orElse(""));
        model.put("date", AnswerWords.of(t, state.flow(), language).date(opened.get().day()));
        model.put("resultHtml", new SafeHtml(state.result().html()));
        model.put("validUntil", pages.message(language, "handover.valid_until", Map.of("until",
                Moments.dayAndTime(opened.get().expiresAt(), settings.zone(), language))));
        // the link names the resident's language, as the chat's does: a refused download (too many, the link ended or
        // deleted since) is said in theirs, not in the browser's
        model.put("pdfPath", Pages.link(path(token) + "/result.pdf", language, null));
        // web words in the flow's own register (the resident flows override some)
        model.put("t", t.messages(language, "web.", state.flow()));
        return HttpResponse.ok(new ModelAndView<>("handed-over", model)).header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex");
    }

    /**
     * The result's PDF. A wrong, ended or deleted token is the same page as {@link #page}'s, in the language the
     * link asks for ({@code ?lang}, the resident's, as the page's link carries it), else the browser's: an empty 404
     * sent the resident's phone to the staff login page (a browser asks for HTML).
     */
    @Get("/result.pdf")
    // the file, or the page that says why there is none (a page whatever the client asked for: web.PagesAreHtml);
    // without it a client asking for a PDF by its type got 406
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public HttpResponse<?> pdf(@PathVariable String token, @PageLanguage String pageLanguage) {
        return handOvers.open(token).<HttpResponse<?>>map(o -> HttpResponse.ok(chatView.resultPdf(o.state(), o.day(),
                        teamName(o.teamId()).orElse(null))).contentType("application/pdf").header("Cache-Control", "no-store")
                        .header("Content-Disposition", "attachment; filename=\"samenspraak-" + o.state().flow() + ".pdf\""))
                .orElseGet(() -> gone(pageLanguage));
    }

    private Optional<String> teamName(Long teamId) {
        return teamId == null ? Optional.empty() : teams.find(teamId).map(Team::name);
    }

    /** In the language the browser asks for: a wrong token tells nothing about the resident's. */
    private HttpResponse<?> gone(String language) {
        Map<String, Object> model = pages.model(language, "handover");
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("handed-over-gone", model))
                .header("Cache-Control", "no-store");
    }

}
