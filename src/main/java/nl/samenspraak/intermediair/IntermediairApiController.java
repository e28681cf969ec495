package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import nl.samenspraak.api.ApiErrors;
import nl.samenspraak.api.ConversationController;
import nl.samenspraak.conversation.AnswerQuestion;
import nl.samenspraak.conversation.ChangeConversation;
import nl.samenspraak.conversation.DeleteConversation;
import nl.samenspraak.conversation.Entry;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.web.Pages;

/**
 * The chat API as an intermediair's page uses it: the same replies as {@code /api/conversations}, but each
 * answer is recorded as entered by an intermediair (a typed text in the language they say), and every state
 * carries the question also in the intermediair's language ({@code ?lang=}). Only for conversations of the
 * intermediair's teams that this intermediair holds (started); any other is "not found".
 */
@Hidden
@Controller("/intermediair/api/conversations/{id}")
@Secured(nl.samenspraak.security.Role.INTERMEDIAIR_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntermediairApiController {
    private final AnswerQuestion answerQuestion;
    private final ChangeConversation changeConversation;
    private final DeleteConversation deleteConversation;
    private final IntermediairWork work;
    private final ApiErrors errors;
    private final Pages pages;

    public IntermediairApiController(AnswerQuestion answerQuestion, ChangeConversation changeConversation,
                                     DeleteConversation deleteConversation, IntermediairWork work, ApiErrors errors, Pages pages) {
        this.answerQuestion = answerQuestion;
        this.changeConversation = changeConversation;
        this.deleteConversation = deleteConversation;
        this.work = work;
        this.errors = errors;
        this.pages = pages;
    }

    @Post("/answers")
    public HttpResponse<?> answer(HttpRequest<?> request, Authentication me, @PathVariable String id,
                                  @Body @Valid AssistedAnswerRequest answer, @PageLanguage String language) {
        if (!work.mayAssist(me, id)) {
            return errors.notFound(language);
        }
        if (work.answersNoLongerShown(me, id)) {
            return answersClosed(language);
        }
        return reply(answerQuestion.answer(id, answer.step(), answer.value(),
                Entry.intermediair(answer.textLanguage()), language, IntermediairWork.caller(me), answer.version()), language);
    }

    @Post("/back")
    public HttpResponse<?> back(HttpRequest<?> request, Authentication me, @PathVariable String id, @PageLanguage String language,
                                @Body @Nullable @Valid AssistedBackRequest back) {
        if (!work.mayAssist(me, id)) {
            return errors.notFound(language);
        }
        if (work.answersNoLongerShown(me, id)) {
            return answersClosed(language);
        }
        return reply(changeConversation.back(id, back == null ? null : back.from(), language, IntermediairWork.caller(me)), language);
    }

    /**
     * A finished conversation past the window in which its intermediair reads its answers: a finished one's refusal
     * (409) would carry its state, answers and all, so it gets 410 with the reason and no state.
     */
    private HttpResponse<?> answersClosed(@Nullable String language) {
        return errors.gone(language, "intermediair.answers_closed");
    }

    /**
     * The API's reply; "not found" (a colleague's conversation of the same team, one on a resident's own phone) is the
     * very reply an id that does not exist gets, in the page's language: the use case's came in Dutch whatever was
     * asked, so a colleague asking in another language could tell which ids are conversations.
     */
    private HttpResponse<?> reply(Turn turn, @Nullable String language) {
        return turn.kind() == Turn.Kind.NOT_FOUND ? errors.notFound(language) : ConversationController.reply(turn);
    }

    /**
     * The menu's delete button on the intermediair's page, which the consent promises the resident: the public
     * {@code DELETE /api/conversations/{id}} finds no held conversation (its id is in this page's address).
     */
    @Delete
    public HttpResponse<?> delete(Authentication me, @PathVariable String id, @PageLanguage String language) {
        if (!work.mayAssist(me, id)) {
            return errors.notFound(language);
        }
        return deleteConversation.delete(id, IntermediairWork.caller(me)) ? HttpResponse.noContent() : errors.notFound(language);
    }
}
