package nl.samenspraak.intermediair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.exceptions.HttpStatusException;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.PlayVoiceAnswers;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.conversation.VoiceAudioType;
import nl.samenspraak.conversation.Turn;
import nl.samenspraak.flow.Channel;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.security.Accounts;
import nl.samenspraak.security.OwnLanguage;
import nl.samenspraak.pages.PageLanguage;
import nl.samenspraak.security.Refused;
import nl.samenspraak.security.RefusedForm;
import nl.samenspraak.security.Role;
import nl.samenspraak.team.JoinLinks;
import nl.samenspraak.team.QrCodes;
import nl.samenspraak.team.Team;
import nl.samenspraak.team.Teams;
import nl.samenspraak.web.ChatView;
import nl.samenspraak.web.Pages;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Intermediair mode: a logged-in intermediair picks a flow for residents or clients, the resident's language and
 * where it counts (a team of theirs, and a wijk for a resident flow). Then either they go through it together on
 * this device (the chat in the intermediair's language around questions in the resident's, see {@link ChatView}),
 * or the intermediair shows a QR code of a resident link so the resident answers on their own phone.
 */
@Hidden
@Controller("/intermediair")
@Secured(Role.INTERMEDIAIR_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntermediairController {
    private final IntermediairWork work;
    private final ReadConversation readConversation;
    private final nl.samenspraak.round.Rounds rounds;
    private final boolean roundsOnly;
    private final PlayVoiceAnswers playVoiceAnswers;
    private final ResidentLinks links;
    private final FlowLibrary library;
    private final Teams teams;
    private final JoinLinks addresses;
    private final QrCodes qr;
    private final ChatView chatView;
    private final Pages pages;
    private final nl.samenspraak.round.RoundStarts roundStarts;
    private final MyConversations mine;
    private final AssistedChatParts parts;
    private final LastChoices lastChoices;
    private final MyWorkModel myWork;
    private final OwnLanguage ownLanguage;
    private final nl.samenspraak.conversation.ConversationOverviews conversations;
    private final nl.samenspraak.conversation.DeleteConversation deleteConversation;

    public IntermediairController(IntermediairWork work, ReadConversation readConversation,
                                  PlayVoiceAnswers playVoiceAnswers, ResidentLinks links, FlowLibrary library,
                                  Teams teams, JoinLinks addresses, QrCodes qr, ChatView chatView, Pages pages,
                                  nl.samenspraak.round.RoundStarts roundStarts, MyConversations mine,
                                  AssistedChatParts parts, LastChoices lastChoices, MyWorkModel myWork,
                                  OwnLanguage ownLanguage, nl.samenspraak.round.Rounds rounds,
                                  nl.samenspraak.dashboard.DashboardSettings dashboardSettings,
                                  nl.samenspraak.conversation.ConversationOverviews conversations,
                                  nl.samenspraak.conversation.DeleteConversation deleteConversation) {
        this.conversations = conversations;
        this.deleteConversation = deleteConversation;
        this.rounds = rounds;
        this.roundsOnly = dashboardSettings.isRoundsOnly();
        this.mine = mine;
        this.myWork = myWork;
        this.ownLanguage = ownLanguage;
        this.parts = parts;
        this.lastChoices = lastChoices;
        this.roundStarts = roundStarts;
        this.work = work;
        this.readConversation = readConversation;
        this.playVoiceAnswers = playVoiceAnswers;
        this.links = links;
        this.library = library;
        this.teams = teams;
        this.addresses = addresses;
        this.qr = qr;
        this.chatView = chatView;
        this.pages = pages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> home(HttpRequest<?> request, Authentication me, @PageLanguage String pageLanguage,
                                @Nullable @QueryValue String done) {
        String language = ownLanguage.of(me, pageLanguage);
        return home(request, language, me, null, done, Map.of(), HttpStatus.OK);
    }

    /** Starts the conversation on this device, with the intermediair reading along in the page's language. */
    @Post(value = "/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(HttpRequest<?> request, Authentication me, @Body Map<String, String> form,
                                 @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        return RefusedForm.submit(() -> {
            IntermediairWork.Choice choice = work.choose(me, form);
            lastChoices.remember(me, choice, form.get("place"));
            Turn turn = roundStarts.startFromTeamLink(choice.flow().id(), choice.language(), Channel.WEB, choice.origin(),
                    language, IntermediairWork.caller(me));
            if (turn.kind() != Turn.Kind.OK) {
                return home(request, language, me, new SafeHtml(turn.error()), null, form, HttpStatus.UNPROCESSABLE_ENTITY);
            }
            return HttpResponse.seeOther(URI.create(Pages.link("/intermediair/c/" + turn.state().id(), language, null)));
        }, (refused, status) -> home(request, language, me, pages.message(language, refused.key(), refused.parameters()), null, form, status));
    }

    @Get("/c/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> chat(HttpRequest<?> request, Authentication me, @PathVariable String id, @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        if (work.answersNoLongerShown(me, id)) {
            return answersClosed(language, me);
        }
        Optional<ConversationState> state = work.mayAssist(me, id) ? readConversation.state(id, language, IntermediairWork.caller(me)) : Optional.empty();
        if (state.isEmpty()) {
            return notFound(language, me);
        }
        ConversationState s = state.get();
        Translations t = library.translations();
        String residentName = t.languageOrSource(s.language()).name();
        // the header says where it counts and who speaks what; a finished result can go to the resident's phone
        IntermediairWork.Assisted assisted = work.assisted(me, id).orElseThrow();
        ChatView.Assist assist = new ChatView.Assist(
                pages.message(language, "intermediair.chat_note", Map.of("language", residentName)),
                pages.words(language, "intermediair").get("typed_in"), pages.words(language, "intermediair").get("typed_in_followed"),
                s.language(),
                // the resident's language first: most typed answers are in it (the phone probe found it somewhere in the
                // list); then the service's order, which the page falls back on as the server does (TypedLanguage)
                t.languages().stream().sorted(java.util.Comparator.comparing(l -> !l.code().equals(s.language())))
                        .map(l -> Map.of("code", l.code(), "name", l.name(), "script", l.script() == null ? "" : l.script())).toList(),
                parts.context(language, s, assisted), s.done() ? parts.handOver(language, s, me) : null,
                conversations.residentCode(id, IntermediairWork.caller(me)).map(code -> parts.residentCode(language, s, code)).orElse(null));
        // the resident may have it deleted at any moment, as the consent says: the menu's delete button, as on their own chat
        return chatView.page(request, s, new ChatView.Setup(language, "/intermediair/api/conversations/" + s.id(),
                "?lang=" + Pages.encode(language), Pages.link("/intermediair", language, null), "/intermediair/c/" + s.id(), assist,
                null, "/intermediair/api/conversations/" + s.id(), "/intermediair/c/" + s.id() + "/result.pdf", "/intermediair/c/" + s.id() + "/voice"),
                IntermediairWork.caller(me));
    }

    /**
     * A voice answer's audio, for the intermediair who holds the conversation, in a flow whose answers the
     * professional reads ({@code result: professional}); "not found" for anyone else and anything else, as the
     * conversation itself. Never cached: it is a person's own voice. Its type came from Telegram: anything but a
     * well-formed audio type is a download ({@link VoiceAudioType}). A voice answer is an answer: past the window of a
     * finished conversation its holder is told so (410), as by the chat, the PDF and the API.
     */
    @Get("/c/{id}/voice/{step}")
    // the stored audio's own type (audio/ogg from Telegram, whichever audio/... the sender's app said), a download's,
    // or the page that says why there is none: without it the route gave the framework's JSON, and a player or app
    // asking for audio/ogg or audio/* got 406. Whether the client takes the actual type is checked on the reply
    // (system.AcceptNegotiation: audio/mpeg alone gets 406, not an Ogg file)
    @Produces({"audio/*", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_HTML})
    public HttpResponse<?> voice(Authentication me, @PathVariable String id, @PathVariable String step,
                                 @PageLanguage String pageLanguage) {
        if (work.answersNoLongerShown(me, id)) {
            return answersClosed(ownLanguage.of(me, pageLanguage), me);
        }
        if (!work.mayRead(me, id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return playVoiceAnswers.voice(id, step, IntermediairWork.caller(me))
                .<HttpResponse<?>>map(v -> {
                    var response = HttpResponse.ok(v.audio())
                            .header("Cache-Control", "no-store, private").header("X-Content-Type-Options", "nosniff");
                    return VoiceAudioType.playable(v.mimeType())
                            .<HttpResponse<?>>map(type -> response.contentType(MediaType.of(type)))
                            .orElseGet(() -> response.contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                                    .header("Content-Disposition", "attachment"));
                })
                // a step not answered by voice: the not-found page in the person's language, as for the conversation
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
    }

    /** Makes a resident link for the choice and shows its QR code. */
    @Post(value = "/links", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> createLink(HttpRequest<?> request, Authentication me, @Body Map<String, String> form,
                                 @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        return RefusedForm.submit(() -> {
            IntermediairWork.Choice choice = work.chooseForLink(me, form);
            lastChoices.remember(me, choice, form.get("place"));
            ResidentLink link = links.create(choice.flow().id(), choice.language(), choice.origin(), Accounts.idOf(me));
            return HttpResponse.seeOther(URI.create(Pages.link("/intermediair/links/" + link.code(), language, null)));
        }, (refused, status) -> home(request, language, me, pages.message(language, refused.key(), refused.parameters()), null, form, status));
    }

    @Get("/links/{code}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> link(HttpRequest<?> request, Authentication me, @PathVariable String code, @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        Optional<ResidentLink> found = links.findFor(code, Accounts.idOf(me), work.teamIds(me));
        if (found.isEmpty()) {
            return notFound(language, me);
        }
        ResidentLink link = found.get();
        Translations t = library.translations();
        Map<String, Object> model = model(language, me);
        Map<String, Object> shown = myWork.link(link, language, request, new HashMap<>());
        model.putAll(shown);
        model.put("l", shown);
        model.put("inList", false);
        model.put("intro", pages.message(language, "intermediair.link_intro", Map.of("language", t.languageOrSource(link.language()).name())));
        return page("intermediair/link", model, HttpStatus.OK);
    }

    /** The QR code of a resident link, as a PNG: it reads as the link's full address. */
    @Get("/links/{code}/qr.png")
    @Produces("image/png")
    public HttpResponse<?> qrCode(HttpRequest<?> request, Authentication me, @PathVariable String code) {
        return links.findFor(code, Accounts.idOf(me), work.teamIds(me))
                .<HttpResponse<?>>map(link -> HttpResponse.ok(qr.png(addresses.url(ResidentLinks.path(link), request)))
                        .contentType("image/png").header("Cache-Control", "no-store"))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "not found"));
    }

    @Post(value = "/links/{code}/stop", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> stop(HttpRequest<?> request, Authentication me, @PathVariable String code, @Body Map<String, String> form,
                                 @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        Optional<ResidentLink> found = links.findFor(code, Accounts.idOf(me), work.teamIds(me));
        if (found.isEmpty()) {
            return notFound(language, me);
        }
        links.stop(found.get());
        return HttpResponse.seeOther(URI.create(Pages.link("/intermediair", language, "link_stopped")));
    }

    /** A conversation of theirs gets their own label (blank: none); back to the list at that conversation. */
    @Post(value = "/c/{id}/label", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> label(HttpRequest<?> request, Authentication me, @PathVariable String id, @Body Map<String, String> form,
                                 @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        return RefusedForm.submit(() -> mine.label(me, id, form.get("label"))
                        ? HttpResponse.seeOther(URI.create(Pages.link("/intermediair", language, "label_saved") + "#mine-" + id))
                        : notFound(language, me),
                (refused, status) -> home(request, language, me, pages.message(language, refused.key(), refused.parameters()),
                        null, Map.of(), status));
    }

    /**
     * Deletes a conversation of theirs from its line in "Mijn gesprekken": once its answers are no longer shown to them
     * the chat, whose menu has the delete button, is closed, and a resident who asks them later to delete it (as the
     * consent promises) would otherwise have to find their own code. Back to the list, which no longer has it.
     */
    @Post(value = "/c/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> delete(Authentication me, @PathVariable String id, @Body Map<String, String> form,
                                  @PageLanguage String pageLanguage) {
        String language = ownLanguage.of(me, pageLanguage);
        if (!work.mayAssist(me, id) || !deleteConversation.delete(id, IntermediairWork.caller(me))) {
            return notFound(language, me);
        }
        return HttpResponse.seeOther(URI.create(Pages.link("/intermediair", language, "conversation_deleted") + "#mine-title"));
    }

    private HttpResponse<?> home(HttpRequest<?> request, String language, Authentication me, @Nullable SafeHtml error,
                                 @Nullable String done, Map<String, String> typed, HttpStatus status) {
        Map<String, Object> model = model(language, me);
        Translations t = library.translations();
        model.put("error", error == null ? "" : error);
        String notice = Pages.notice(pages.words(language, "intermediair"), done);
        model.put("notice", notice.isEmpty() ? Pages.notice(pages.words(language, "chatlink"), done) : notice);
        model.put("hasTeam", !work.teamIds(me).isEmpty());
        // what was just typed (a refused form) wins; else what this intermediair chose last for the flow, used last first
        Map<String, LastChoice> last = new java.util.LinkedHashMap<>();
        lastChoices.of(me).forEach(c -> last.putIfAbsent(c.flowId(), c));
        List<String> order = new java.util.ArrayList<>(last.keySet());
        List<Map<String, Object>> flows = work.flows().stream().filter(f -> !work.places(me, f).isEmpty())
                .sorted(java.util.Comparator.comparingInt(f -> order.contains(f.id()) ? order.indexOf(f.id()) : order.size()))
                .map(f -> {
            Map<String, String> chosen = f.id().equals(typed.get("flow")) ? typed
                    : last.containsKey(f.id()) ? Map.of("flow", f.id(), "language", last.get(f.id()).language(),
                            "place", last.get(f.id()).place()) : Map.of();
            boolean asked = f.id().equals(chosen.get("flow"));
            String chosenLanguage = asked && chosen.get("language") != null ? chosen.get("language") : language;
            Map<String, Object> flow = new HashMap<>();
            flow.put("id", f.id());
            flow.put("title", t.flowText(language, f.id(), "title"));
            flow.put("description", t.flowText(language, f.id(), "description"));
            flow.put("perWijk", f.audience().countedPerWijk());
            flow.put("linkable", IntermediairWork.linkable(f));
            flow.put("languages", f.languages().stream().map(code -> t.language(code)).flatMap(Optional::stream)
                    .map(l -> Map.of("code", l.code(), "name", l.name(), "selected", l.code().equals(chosenLanguage) ? "selected" : ""))
                    .toList());
            List<IntermediairWork.Place> places = work.places(me, f);
            boolean oneTeam = places.stream().map(IntermediairWork.Place::teamId).distinct().count() == 1;
            // with figures from rounds only, what is entered while no round of the team takes it counts in no figure:
            // said before it is entered (the intermediair learnt it from "buiten een ronde" afterwards, while the
            // resident's consent had said the managers see the figures)
            List<String> outside = roundsOnly && f.dashboard() == nl.samenspraak.flow.DashboardUse.ANONYMOUS
                    ? places.stream().filter(p -> !rounds.takesConversations(p.teamId(), f.id()))
                            .map(IntermediairWork.Place::teamName).distinct().toList()
                    : List.of();
            flow.put("noRound", outside.isEmpty() ? "" : pages.message(language, "intermediair.no_open_round",
                    Map.of("teams", t.list(language, outside))));
            flow.put("places", places.stream().map(p -> Map.of("value", p.value(),
                    "label", p.wijk() == null ? p.teamName() : oneTeam ? p.wijk() : p.teamName() + " – " + p.wijk(),
                    "selected", asked && p.value().equals(chosen.get("place")) ? "selected" : "")).toList());
            return flow;
        }).toList();
        model.put("flows", flows);
        myWork.addTo(model, language, me, request);
        return page("intermediair/start", model, status);
    }

    /** A finished conversation of theirs whose answers are no longer shown to them (410: it was there, and is no more for them). */
    private HttpResponse<?> answersClosed(String language, Authentication me) {
        return page("intermediair/answers-closed", model(language, me), HttpStatus.GONE);
    }

    private HttpResponse<?> notFound(String language, Authentication me) {
        return page("intermediair/not-found", model(language, me), HttpStatus.NOT_FOUND);
    }

    /** What every intermediair page has: its words (the account bar is {@code security.AccountBarModel}'s). */
    private Map<String, Object> model(String language, Authentication me) {
        Map<String, Object> model = pages.model(language, "auth", "intermediair", "chatlink");
        return model;
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model)).header("Cache-Control", "no-store");
    }
}
