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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.Caller;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.round.RoundStarts;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A resident link, {@code /r/<code>}, opened on the resident's own phone (from the intermediair's QR code): a
 * page in the link's language (the resident may pick another the flow speaks) with one button that starts the
 * flow counted under the link's team and wijk. Anonymous: nothing is asked, no cookie is set, and the
 * conversation stores the team and wijk only. Opening the page starts nothing (link previews stay harmless).
 */
@Hidden
@Controller("/r/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ResidentController {
    private final ResidentLinks links;
    private final FlowLibrary library;
    private final Teams teams;
    private final Pages pages;
    private final nl.samenspraak.limits.StartLimit startLimit;
    private final RoundStarts roundStarts;

    public ResidentController(ResidentLinks links, FlowLibrary library, Teams teams, Pages pages,
                              RoundStarts roundStarts, nl.samenspraak.limits.StartLimit startLimit) {
        this.roundStarts = roundStarts;
        this.startLimit = startLimit;
        this.links = links;
        this.library = library;
        this.teams = teams;
        this.pages = pages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(HttpRequest<?> request, @PathVariable String code, @Nullable @QueryValue String lang,
                                @PageLanguage String pageLanguage) {
        Optional<ResidentLink> link = links.find(code);
        // a link made for a flow that is had together (before IntermediairWork.linkable refused one) starts nothing
        Optional<Flow> flow = link.flatMap(l -> library.flow(l.flowId())).filter(IntermediairWork::linkable);
        if (link.isEmpty() || flow.isEmpty()) {
            return gone(pageLanguage);
        }
        return page(link.get(), flow.get(), language(link.get(), flow.get(), lang), null, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form,
                                 @PageLanguage String pageLanguage) {
        Optional<ResidentLink> link = links.find(code);
        // a link made for a flow that is had together (before IntermediairWork.linkable refused one) starts nothing
        Optional<Flow> flow = link.flatMap(l -> library.flow(l.flowId())).filter(IntermediairWork::linkable);
        if (link.isEmpty() || flow.isEmpty()) {
            return gone(pageLanguage);
        }
        ResidentLink l = link.get();
        String language = language(l, flow.get(), form.get("lang"));
        if (!startLimit.tryStart(request)) {
            return page(l, flow.get(), language, pages.message(language, "error.too_many_starts", Map.of()).html(),
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        Turn turn = roundStarts.startFromTeamLink(l.flowId(), language, Channel.WEB, new Origin(l.teamId(), l.wijk()), null,
                Caller.PUBLIC);
        if (turn.kind() != Turn.Kind.OK) {
            return page(l, flow.get(), language, turn.error(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/c/" + turn.state().id()));
    }

    /** The language asked for when the flow speaks it, else the one the intermediair chose for the link. */
    private String language(ResidentLink link, Flow flow, @Nullable String asked) {
        return asked != null && flow.speaks(asked) && library.translations().language(asked).isPresent() ? asked : link.language();
    }

    private HttpResponse<?> page(ResidentLink link, Flow flow, String language, @Nullable String error, HttpStatus status) {
        Map<String, Object> model = pages.model(language, "intermediair");
        model.put("code", link.code());
        model.put("title", library.translations().flowText(language, flow.id(), "title"));
        model.put("description", library.translations().flowText(language, flow.id(), "description"));
        model.put("intro", pages.message(language, "intermediair.resident_intro",
                Map.of("team", teams.find(link.teamId()).map(Team::name)
                        .map(name -> library.translations().inSentence(name, language)).orElse(""))));
        model.put("error", error == null ? "" : new SafeHtml(error));
        model.put("languages", flow.languages().stream().map(c -> library.translations().language(c)).flatMap(Optional::stream)
                .map(l -> Map.of("code", l.code(), "name", l.name(), "selected", l.code().equals(language) ? "selected" : ""))
                .toList());
        return HttpResponse.status(status).body(new ModelAndView<>("resident", model)).header("Cache-Control", "no-store");
    }

    /** In the language asked for, else the browser's: a dead code tells nothing about the link's language. */
    private HttpResponse<?> gone(String language) {
        Map<String, Object> model = pages.model(language, "intermediair");
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("resident-gone", model));
    }
}
