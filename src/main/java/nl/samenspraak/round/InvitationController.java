package nl.samenspraak.round;

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
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.util.Map;

/**
 * A single-use invitation of a round, {@code /i/<code>}: a page with one button (a link preview or a mail
 * scanner opening the link uses nothing), and the button starts the round's flow counted in the round. A code
 * that was used gets a clear refusal in the person's language when its button is pressed; one whose round is closed,
 * already on opening.
 */
@Hidden
@Controller("/i/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitationController {
    private final Rounds rounds;
    private final FlowLibrary library;
    private final RoundStarts starts;
    private final Pages pages;

    public InvitationController(Rounds rounds, RoundStarts starts, FlowLibrary library, Pages pages) {
        this.rounds = rounds;
        this.library = library;
        this.starts = starts;
        this.pages = pages;
    }

    /**
     * The page with the one button, for a code of an open round whether or not it was used: looking tells nothing about
     * the person it was given to. Someone who saw another's code (a slip handed out at a meeting, a forwarded mail)
     * could otherwise open it now and then, unnoticed, and learn whether and when that person began, and so who the
     * one in "5 van 6" is who did not. Only the button says a code was used, and on an unused code it uses it up,
     * which its holder would notice.
     */
    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(HttpRequest<?> request, @PathVariable String code, @PageLanguage String language) {
        Rounds.Found found = rounds.look(code);
        boolean roundOpen = found.state() == Rounds.Invitation.OPEN || found.state() == Rounds.Invitation.USED;
        if (roundOpen && library.flow(found.round().flowId()).isEmpty()) {
            return refused(language, Rounds.Invitation.NOT_OFFERED);
        }
        if (!roundOpen) {
            return refused(language, found.state());
        }
        Map<String, Object> model = pages.model(language, "invitation");
        model.put("code", Rounds.normalize(code));
        model.put("title", library.translations().flowText(language, found.round().flowId(), "title"));
        model.put("languages", pages.languages(language));
        return HttpResponse.ok(new ModelAndView<>("invitation", model)).header("Cache-Control", "no-store");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(HttpRequest<?> request, @PathVariable String code, @Body Map<String, String> form,
                                 @PageLanguage String language) {
        RoundStarts.Invited invited = starts.startInvited(code, language);
        if (invited.state() != Rounds.Invitation.OPEN) {
            return refused(language, invited.state());
        }
        Turn turn = invited.turn();
        if (turn.kind() != Turn.Kind.OK) {
            // the flow went between the look and the start: its words, on a page with the way home
            return notice(language, pages.words(language, "invitation").get("not_offered_title"), turn.error(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.seeOther(URI.create("/c/" + turn.state().id()));
    }

    private HttpResponse<?> refused(String language, Rounds.Invitation state) {
        String key = switch (state) {
            case USED -> "used";
            case CLOSED -> "closed";
            case NOT_OFFERED -> "not_offered";
            default -> "unknown";
        };
        Map<String, String> words = pages.words(language, "invitation");
        HttpStatus status = state == Rounds.Invitation.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        return notice(language, words.get(key + "_title"), words.get(key), status);
    }

    private HttpResponse<?> notice(String language, String heading, String message, HttpStatus status) {
        Map<String, Object> model = pages.model(language, "invitation");
        model.put("heading", heading);
        model.put("message", message);
        model.put("kind", "error");
        model.put("role", "alert");
        return HttpResponse.status(status).body(new ModelAndView<>("notice", model)).header("Cache-Control", "no-store");
    }
}
