package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.ResultHandOvers;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.OwnLanguage;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.JoinLinks;
import nl.samenspraak.team.QrCodes;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.ChatView;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * An intermediair's assisted conversation beyond the questions (issue 14): changing the wijk or the resident's language
 * mid-way, the result as a PDF for the resident, and handing the result over to the resident's own phone (a link and
 * its QR code, see {@link ResultHandOvers}). Only for the intermediair who holds the conversation; for anyone else it
 * does not exist.
 */
@Hidden
@Controller("/intermediair/c/{id}")
@Secured(Role.INTERMEDIAIR_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AssistedResultController {
    private final IntermediairWork work;
    private final ChangeConversation changeConversation;
    private final ResultHandOvers handOvers;
    private final AssistedChatParts parts;
    private final FlowLibrary library;
    private final Teams teams;
    private final JoinLinks addresses;
    private final QrCodes qr;
    private final ChatView chatView;
    private final Pages pages;
    private final OwnLanguage ownLanguage;

    public AssistedResultController(IntermediairWork work, ChangeConversation changeConversation, ResultHandOvers handOvers,
                                    AssistedChatParts parts, FlowLibrary library, Teams teams, JoinLinks addresses,
                                    QrCodes qr, ChatView chatView, Pages pages, OwnLanguage ownLanguage) {
        this.work = work;
        this.changeConversation = changeConversation;
        this.handOvers = handOvers;
        this.parts = parts;
        this.library = library;
        this.teams = teams;
        this.addresses = addresses;
        this.qr = qr;
        this.chatView = chatView;
        this.pages = pages;
        this.ownLanguage = ownLanguage;
    }

    /**
     * Counts the conversation under another wijk of its team and/or goes on in another language of the resident's;
     * the conversation goes on at the same question. Refused (422, in the intermediair's language) for a wijk of
     * another team or a language the flow does not speak.
     */
    @Post(value = "/context", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> changeContext(Authentication me, @PathVariable String id, @PageLanguage String pageLanguage,
                                         @Body Map<String, String> form) {
        // their own language ("Taal van mijn schermen") wins, as on every /intermediair page
        String language = ownLanguage.of(me, pageLanguage);
        Optional<IntermediairWork.Assisted> assisted = work.assisted(me, id);
        if (assisted.isEmpty()) {
            return page("intermediair/not-found", model(language), HttpStatus.NOT_FOUND);
        }
        // both judged before either is written: a refusal leaves the wijk and the language as they were
        Turn turn = changeConversation.changeContext(id, form.get("wijk"), form.get("language"), language, IntermediairWork.caller(me));
        if (turn.kind() == Turn.Kind.NOT_FOUND) {
            // a team colleague's (held by another) reads exactly as one that does not exist, not as a refused change
            return page("intermediair/not-found", model(language), HttpStatus.NOT_FOUND);
        }
        if (turn.kind() != Turn.Kind.OK) {
            return refused(language, me, id, turn);
        }
        return HttpResponse.seeOther(URI.create(Pages.link("/intermediair/c/" + id, language, null)));
    }

    /**
     * The resident's result as a PDF: title, team, date and the result alone, none of the intermediair's words.
     * Anything else (a colleague's, a deleted or unfinished conversation) is the intermediair's not-found page: an
     * empty 404 reached the browser as a blank page or as "not for your role".
     */
    @Get("/result.pdf")
    // the file, or the page that says why there is none (a page whatever the client asked for: web.PagesAreHtml);
    // without it a client asking for a PDF by its type got 406
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public HttpResponse<?> pdf(Authentication me, @PathVariable String id, @PageLanguage String pageLanguage) {
        // their own language ("Taal van mijn schermen") wins, as on every /intermediair page
        String language = ownLanguage.of(me, pageLanguage);
        if (work.answersNoLongerShown(me, id)) {
            return page("intermediair/answers-closed", model(language), HttpStatus.GONE);
        }
        return (work.mayAssist(me, id) ? handOvers.resultFor(id, IntermediairWork.caller(me)) : Optional.<ResultHandOvers.Opened>empty())
                .<HttpResponse<?>>map(r -> HttpResponse.ok(chatView.resultPdf(r.state(), r.day(), teamName(r.teamId())))
                        .contentType("application/pdf").header("Cache-Control", "no-store")
                        .header("Content-Disposition", "attachment; filename=\"samenspraak-" + r.state().flow() + ".pdf\""))
                .orElseGet(() -> page("intermediair/not-found", model(language), HttpStatus.NOT_FOUND));
    }

    /** Makes a new hand-over link (replacing an earlier one) and shows it with its QR code, once: only its hash is kept. */
    @Post(value = "/hand-over", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> handOver(HttpRequest<?> request, Authentication me, @PathVariable String id,
                                    @Nullable @Body Map<String, String> form, @PageLanguage String pageLanguage) {
        // their own language ("Taal van mijn schermen") wins, as on every /intermediair page
        String language = ownLanguage.of(me, pageLanguage);
        // a new link is made while they go through the result with the resident; later the resident keeps their own
        if (work.answersNoLongerShown(me, id)) {
            return page("intermediair/answers-closed", model(language), HttpStatus.GONE);
        }
        // the link the page showed (none: ""): a reload of the page with the new link posts again, and is not a new tap
        Optional<ResultHandOvers.HandOver> made = work.mayAssist(me, id)
                ? handOvers.create(id, IntermediairWork.caller(me), seen(form)) : Optional.empty();
        if (made.isEmpty() && work.mayAssist(me, id) && handOvers.current(id, IntermediairWork.caller(me)).isPresent()) {
            // a newer link made at the same moment (a double tap, another tab) is the link: the chat says until when
            return HttpResponse.seeOther(URI.create(Pages.link("/intermediair/c/" + id, language, null)));
        }
        Optional<ResultHandOvers.Opened> result = made.flatMap(h -> handOvers.resultFor(id, IntermediairWork.caller(me)));
        if (made.isEmpty() || result.isEmpty()) {
            return page("intermediair/not-found", model(language), HttpStatus.NOT_FOUND);
        }
        String url = addresses.url(HandedOverController.path(made.get().token()), request);
        Map<String, Object> model = model(language);
        var t = library.translations();
        String residentLanguage = t.languageOrSource(result.get().state().language()).name();
        model.put("intro", pages.message(language, "assisted.hand_over_intro", Map.of("language", residentLanguage)));
        model.put("url", url);
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qr.png(url)));
        model.put("until", parts.when(language, made.get().expiresAt()));
        model.put("untilIso", made.get().expiresAt().toString());
        model.put("flowTitle", t.flowText(language, result.get().state().flow(), "title"));
        model.put("residentLanguage", residentLanguage);
        model.put("residentLang", result.get().state().language());
        model.put("chat", Pages.link("/intermediair/c/" + id, language, null));
        model.put("deletePath", "/intermediair/c/" + id + "/hand-over/delete?lang=" + Pages.encode(language));
        model.put("deleted", false);
        model.put("title", title(language, "hand_over_title"));
        return page("intermediair/hand-over", model, HttpStatus.OK);
    }

    /** The end of the link the chat showed beside its button ({@code seen}); null for none, or for anything else. */
    private static Instant seen(@Nullable Map<String, String> form) {
        String seen = form == null ? null : form.get("seen");
        try {
            return seen == null || seen.isEmpty() ? null : Instant.parse(seen);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH; // no link ends then: nothing is made, and the chat shows the link there is
        }
    }

    /** Deletes the hand-over link: from now on it opens nothing. */
    @Post(value = "/hand-over/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> deleteHandOver(Authentication me, @PathVariable String id, @PageLanguage String pageLanguage) {
        // their own language ("Taal van mijn schermen") wins, as on every /intermediair page
        String language = ownLanguage.of(me, pageLanguage);
        if (!work.mayAssist(me, id) || !handOvers.delete(id, IntermediairWork.caller(me))) {
            return page("intermediair/not-found", model(language), HttpStatus.NOT_FOUND);
        }
        Map<String, Object> model = model(language);
        model.put("deleted", true);
        model.put("title", title(language, "hand_over_title"));
        model.put("chat", Pages.link("/intermediair/c/" + id, language, null));
        return page("intermediair/hand-over", model, HttpStatus.OK);
    }

    private HttpResponse<?> refused(String language, Authentication me, String id, Turn turn) {
        Map<String, Object> model = model(language);
        model.put("error", turn.error() == null ? "" : new SafeHtml(turn.error()));
        model.put("chat", Pages.link("/intermediair/c/" + id, language, null));
        model.put("deleted", false);
        model.put("refused", true);
        // titled as the form it refuses (the chat's "change wijk or language"), not as the hand-over whose view it borrows
        model.put("title", title(language, "change_title"));
        return page("intermediair/hand-over", model, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private String title(String language, String key) {
        return pages.words(language, "assisted").get(key);
    }

    private String teamName(Long teamId) {
        return teamId == null ? null : teams.find(teamId).map(Team::name).orElse(null);
    }

    private Map<String, Object> model(String language) {
        // the account bar is security.AccountBarModel's
        Map<String, Object> model = pages.model(language, "auth", "intermediair", "assisted");
        model.put("refused", false);
        return model;
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model)).header("Cache-Control", "no-store");
    }
}
