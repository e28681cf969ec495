package nl.samenspraak.team;

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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.Origin;
import nl.samenspraak.conversation.StartConversation;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A team's join link, {@code /t/<code>}: a professional picks a self-reflection and a language and answers
 * counted under the team. Anonymous by design: nothing is asked about the person, no cookie is set, and the
 * conversation stores only the team, never who opened the link.
 */
@Hidden
@Controller("/t/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class JoinController {
    private final Teams teams;
    private final FlowLibrary library;
    private final StartConversation startConversation;
    private final Pages pages;
    private final nl.samenspraak.limits.StartLimit startLimit;

    public JoinController(Teams teams, FlowLibrary library, StartConversation startConversation, Pages pages,
                          nl.samenspraak.limits.StartLimit startLimit) {
        this.startLimit = startLimit;
        this.teams = teams;
        this.library = library;
        this.startConversation = startConversation;
        this.pages = pages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(@PathVariable String code, @PageLanguage String language) {
        return teams.byJoinCode(code).<HttpResponse<?>>map(team -> page(team, language, null, HttpStatus.OK))
                .orElseGet(() -> notFound(language));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form,
                                 @PageLanguage String language) {
        Optional<Team> team = teams.byJoinCode(code);
        if (team.isEmpty()) {
            return notFound(language);
        }
        Optional<Flow> flow = library.flow(form.get("flow")).filter(Flow::joinsByTeamLink);
        if (flow.isEmpty()) {
            return page(team.get(), language, pages.message(language, "join.choose_flow_error", Map.of()),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!startLimit.tryStart(request)) {
            return page(team.get(), language, pages.message(language, "error.too_many_starts", Map.of()), HttpStatus.TOO_MANY_REQUESTS);
        }
        Turn turn = startConversation.start(flow.get().id(), language, Channel.WEB, Origin.team(team.get().id()));
        if (turn.kind() != Turn.Kind.OK) {
            return page(team.get(), language, new SafeHtml(turn.error()), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/c/" + turn.state().id()));
    }

    private HttpResponse<?> page(Team team, String language, @Nullable SafeHtml error, HttpStatus status) {
        Map<String, Object> model = pages.model(language, "join");
        model.put("team", team.name());
        model.put("code", team.joinCode());
        model.put("error", error == null ? "" : error);
        model.put("flows", pages.flows(language, Flow::joinsByTeamLink));
        model.put("languages", pages.languages(language, Flow::joinsByTeamLink));
        return HttpResponse.status(status).body(new ModelAndView<>("join", model));
    }

    private HttpResponse<?> notFound(String language) {
        Map<String, Object> model = pages.model(language, "join");
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("join-not-found", model));
    }
}
