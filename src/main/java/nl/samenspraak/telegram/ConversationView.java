package nl.samenspraak.telegram;

import nl.samenspraak.engine.AnswerWords;
import io.micronaut.core.annotation.Nullable;
import nl.samenspraak.engine.AnswerValidator;
import nl.samenspraak.result.Result;
import nl.samenspraak.conversation.ConversationState;
import nl.samenspraak.conversation.ConversationState.OptionView;
import nl.samenspraak.conversation.ConversationState.StepView;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.Language;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a {@link ConversationState} into Telegram messages: the question with its buttons (choice, yesno and
 * scale as buttons, multi as toggles with "klaar", typed answers with a hint), the result as scores, tips
 * and summary, and the menus. Decides nothing about the conversation; only how it looks.
 */
final class ConversationView {
    private static final int SCALE_BUTTONS_PER_ROW = 6;
    /** A label longer than this does not fit on a phone's button: the options are then listed in the message. */
    static final int BUTTON_LABEL_LIMIT = 30;
    private static final int NUMBER_BUTTONS_PER_ROW = 4;

    private final TelegramWords words;

    ConversationView(TelegramWords words) {
        this.words = words;
    }

    /** The current question, after {@code prefix} (an echo, an error, a notice; may be empty). */
    Reply question(ConversationState state, String prefix, Set<Integer> selection) {
        StepView step = state.step();
        String lang = state.language();
        List<String> lines = new ArrayList<>();
        if (!prefix.isEmpty()) {
            lines.add(prefix);
            lines.add("");
        }
        lines.add("<b>" + TelegramHtml.forTelegram(step.text()) + "</b>");
        if (step.previous() != null && !(step.previous() instanceof Collection<?> c && c.isEmpty())) {
            lines.add("<i>" + words.say(state, "previous", Map.of("answer", TelegramWords.html(answerLabel(state, step.previous())))) + "</i>");
        }
        if (numbered(step)) {
            lines.add("");
            List<OptionView> options = step.options();
            for (int i = 0; i < options.size(); i++) {
                lines.add("<b>" + (i + 1) + ".</b> " + TelegramHtml.forTelegram(options.get(i).label()));
            }
            lines.add("");
        }
        hint(state).ifPresent(h -> lines.add("<i>" + h + "</i>"));
        if (!"info".equals(step.type())) {
            int total = Math.max(1, state.progress().total());
            lines.add("<i>" + words.say(state, "progress", Map.of("answered", Math.min(state.progress().answered() + 1, total),
                    "total", total)) + "</i>");
        }
        // the list its places count in, kept with its buttons: a number typed at them is read only in that list
        return new Reply(String.join("\n", lines), lang, keyboard(state, selection), step.id(), state.id(), Callback.mark(step));
    }

    /**
     * A text answer being typed ({@link TypedDraft}): what came so far, its middle left out when long, and how to go
     * on, with "Klaar" and "Wissen", after {@code prefix} (the question asked again, a refusal, a notice; may be
     * empty). Over the question's limit it says so before "Klaar" does. Its buttons answer the question's step.
     */
    Reply draft(ConversationState state, String text, String prefix) {
        List<String> lines = new ArrayList<>();
        if (!prefix.isEmpty()) {
            lines.add(prefix);
            lines.add("");
        }
        int length = characters(text);
        lines.add("<i>" + words.say(state, "draft_so_far", Map.of("length", length)) + "</i>");
        lines.add(TypedAnswers.shortened(text));
        lines.add("");
        Number max = state.step().max();
        if (max != null && length > max.intValue()) {
            lines.add("<b>" + words.say(state, "draft_too_long", Map.of("max", max.intValue(), "length", length)) + "</b>");
        } else {
            lines.add("<i>" + words.say(state, "draft_hint") + "</i>");
        }
        InlineKeyboardMarkup keyboard = new InlineKeyboardMarkup(List.of(row(
                button(words.plain(state, "multi_done"), Callback.of(Callback.DONE)),
                button(words.plain(state, "draft_wipe"), Callback.of(Callback.WIPE)))));
        return new Reply(String.join("\n", lines), state.language(), keyboard, state.step().id(), state.id());
    }

    /**
     * A typed text's length as the question's limit counts it (the engine's rule, {@link AnswerValidator#length}):
     * counted in Java's UTF-16 units, an emoji or any character beyond the first plane counted twice: 600 emoji under
     * a limit of 1,000 were called too long ("1200 characters"), and "Klaar" then took them; and a refusal named
     * another length than the count shown just before it.
     */
    static int characters(String text) {
        return AnswerValidator.length(text);
    }

    /** The buttons of the current question; null for a typed answer that can't be skipped. */
    @Nullable
    InlineKeyboardMarkup keyboard(ConversationState state, Set<Integer> selection) {
        StepView step = state.step();
        String lang = state.language();
        List<InlineKeyboardRow> rows = new ArrayList<>();
        List<OptionView> options = step.options();
        if (numbered(step)) {
            boolean multi = "multi".equals(step.type());
            InlineKeyboardRow numbers = new InlineKeyboardRow();
            for (int i = 0; i < options.size(); i++) {
                if (numbers.size() == NUMBER_BUTTONS_PER_ROW) {
                    rows.add(numbers);
                    numbers = new InlineKeyboardRow();
                }
                String label = (multi ? (selection.contains(i) ? "\u2611 " : "\u2610 ") : "") + (i + 1);
                numbers.add(button(label, Callback.of(multi ? Callback.TOGGLE : Callback.ANSWER, i).shownWith(step)));
            }
            rows.add(numbers);
            if (multi) {
                rows.add(row(button(words.plain(state, "multi_done"), Callback.of(Callback.DONE).shownWith(step))));
            }
            if (step.optional()) {
                rows.add(row(button(words.plain(state, "skip"), Callback.of(Callback.SKIP))));
            }
            return new InlineKeyboardMarkup(rows);
        }
        switch (step.type()) {
            case "info" -> rows.add(row(button(words.plain(state, "next"), Callback.of(Callback.NEXT))));
            case "yesno" -> {
                InlineKeyboardRow row = new InlineKeyboardRow();
                for (int i = 0; i < options.size(); i++) {
                    row.add(button(plainLabel(options.get(i)), Callback.of(Callback.ANSWER, i).shownWith(step)));
                }
                rows.add(row);
            }
            case "scale" -> {
                List<InlineKeyboardRow> others = new ArrayList<>();
                InlineKeyboardRow numbers = new InlineKeyboardRow();
                for (int i = 0; i < options.size(); i++) {
                    String label = plainLabel(options.get(i));
                    if (options.get(i).dontKnow()) {
                        others.add(row(button(label, Callback.of(Callback.ANSWER, i).shownWith(step))));
                        continue;
                    }
                    if (numbers.size() == SCALE_BUTTONS_PER_ROW) {
                        rows.add(numbers);
                        numbers = new InlineKeyboardRow();
                    }
                    numbers.add(button(label, Callback.of(Callback.ANSWER, i).shownWith(step)));
                }
                if (!numbers.isEmpty()) {
                    rows.add(numbers);
                }
                rows.addAll(others);
            }
            case "multi" -> {
                for (int i = 0; i < options.size(); i++) {
                    String mark = selection.contains(i) ? "\u2611 " : "\u2610 ";
                    rows.add(row(button(mark + plainLabel(options.get(i)), Callback.of(Callback.TOGGLE, i).shownWith(step))));
                }
                rows.add(row(button(words.plain(state, "multi_done"), Callback.of(Callback.DONE).shownWith(step))));
            }
            case "text", "number", "date" -> {
                if (step.previous() != null) {
                    rows.add(row(button(words.plain(state, "keep_earlier"), Callback.of(Callback.KEEP))));
                }
            }
            default -> {
                for (int i = 0; i < options.size(); i++) {
                    rows.add(row(button(plainLabel(options.get(i)), Callback.of(Callback.ANSWER, i).shownWith(step))));
                }
            }
        }
        if (step.optional() && !"info".equals(step.type())) {
            rows.add(row(button(words.plain(state, "skip"), Callback.of(Callback.SKIP))));
        }
        return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
    }

    /** A question or answer in the list to check is cut after this many characters: the list is to recognise, not to reread. */
    static final int REVIEW_QUESTION_LIMIT = 90;
    static final int REVIEW_ANSWER_LIMIT = 160;

    /**
     * "Controleer je antwoorden": the answers given so far (numbered, each question shortened, the answer after an
     * arrow that points the way the language reads), then the held answer to the current question, marked as not yet
     * sent, and that nothing is finished before "Afronden"; buttons "Afronden" and "Wijzigen" (one question back).
     */
    Reply review(ConversationState state, List<ConversationState.TranscriptEntry> entries, PendingAnswer pending, String prefix) {
        List<String> lines = new ArrayList<>();
        if (!prefix.isEmpty()) {
            lines.add(prefix);
            lines.add("");
        }
        lines.add("<b>" + words.say(state, "review_title") + "</b>");
        lines.add("<i>" + words.say(state, "review_not_yet") + "</i>");
        lines.add("");
        String arrow = arrow(state.language());
        int n = 0;
        for (ConversationState.TranscriptEntry entry : entries) {
            if (entry.answer() == null && !entry.skipped()) {
                continue; // an info step asked nothing
            }
            n++;
            lines.add("<b>" + n + ".</b> " + shortened(entry.question(), REVIEW_QUESTION_LIMIT));
            lines.add(arrow + " " + shortened(entry.answer() == null ? "" : entry.answer(), REVIEW_ANSWER_LIMIT));
        }
        if (!"info".equals(state.step().type())) {
            lines.add("<b>" + (n + 1) + ".</b> " + shortened(state.step().text(), REVIEW_QUESTION_LIMIT));
            lines.add(arrow + " " + shortened(pending.label(), REVIEW_ANSWER_LIMIT) + " <i>(" + words.say(state, "review_held") + ")</i>");
        }
        lines.add("");
        lines.add("<i>" + words.say(state, "review_hint") + "</i>");
        InlineKeyboardMarkup keyboard = new InlineKeyboardMarkup(List.of(
                row(button(words.plain(state, "review_finish"), Callback.of(Callback.FINISH))),
                row(button(words.plain(state, "review_change"), Callback.of(Callback.BACK)))));
        // the list the held answer's question was asked with: a number typed here answers it again, by its place there
        return new Reply(String.join("\n", lines), state.language(), keyboard, state.step().id(), state.id(),
                Callback.mark(state.step()));
    }

    /** HTML as plain text of at most {@code limit} characters (cut with an ellipsis), escaped again. */
    private static String shortened(String html, int limit) {
        String plain = TelegramHtml.toPlain(TelegramHtml.forTelegram(html)).replace('\n', ' ').strip();
        if (plain.length() > limit) {
            int cut = Character.isHighSurrogate(plain.charAt(limit - 2)) ? limit - 2 : limit - 1;
            plain = plain.substring(0, cut).stripTrailing() + "\u2026";
        }
        return TelegramHtml.escape(plain);
    }

    /**
     * The result for a phone: one screen (at most {@link #SHORT_LIMIT} characters) with the scores and the titles
     * of the first tips, and a "Meer tips" button for the whole {@link #result}, and "Als PDF" when the person
     * may keep the result ({@code keep}, decided by the use case), and "Bekijk op het web" ({@code web}). A result without scores, tips or summary
     * (closing words) is short already and comes as it is.
     */
    Reply shortResult(ConversationState state, String prefix, boolean keep, boolean web) {
        String lang = state.language();
        Result r = state.result();
        if (r == null || r.scores().isEmpty() && r.tips().isEmpty() && r.summary().isEmpty()) {
            return result(state, prefix);
        }
        for (int tips = Math.min(TOP_TIPS, r.tips().size()); ; tips--) {
            List<String> blocks = new ArrayList<>();
            if (!prefix.isEmpty()) {
                blocks.add(prefix);
            }
            blocks.add("<b>" + words.say(state, "done") + "</b>");
            if (r.notice() != null) {
                // first after "done": what happened to the answers (a round closed before they were finished)
                blocks.add(TelegramHtml.forTelegram(r.notice()));
            }
            // where to go when someone is not safe, as in the whole result: a resident read it only behind "Meer tips"
            // (the Telegram probe of December 2026)
            if (r.safety() != null) {
                blocks.add(TelegramHtml.forTelegram(r.safety()));
            }
            if (!r.scores().isEmpty()) {
                List<String> lines = new ArrayList<>();
                lines.add(heading(state, "result.heading_scores"));
                r.scores().values().forEach(s -> lines.add("\u2022 " + score(state, s)));
                blocks.add(String.join("\n", lines));
            }
            if (tips > 0) {
                List<String> lines = new ArrayList<>();
                lines.add(heading(state, "result.heading_tips"));
                r.tips().stream().limit(tips).forEach(t -> lines.add("\u2022 " + TelegramHtml.forTelegram(t.title())));
                blocks.add(String.join("\n", lines));
            }
            String html = String.join("\n\n", blocks);
            if (tips <= 0 || TelegramHtml.toPlain(html).length() <= SHORT_LIMIT) {
                List<InlineKeyboardRow> rows = new ArrayList<>();
                // "Meer tips" only where there are tips: with none it opened the summary alone
                rows.add(row(button(words.plain(state, r.tips().isEmpty() ? "whole_result" : "more_tips"), Callback.of(Callback.MORE))));
                rows.addAll(keepButtons(state, keep, web));
                InlineKeyboardMarkup keyboard = new InlineKeyboardMarkup(rows);
                return new Reply(html, lang, keyboard, null, state.id());
            }
        }
    }

    /** "Als PDF" when the result may be kept, "Bekijk op het web" when a link to it may be made. */
    private List<InlineKeyboardRow> keepButtons(ConversationState state, boolean keep, boolean web) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        if (keep) {
            rows.add(row(button(words.plain(state, "as_pdf"), Callback.of(Callback.PDF))));
        }
        if (web) {
            // a callback, not a URL button: a forwarded result must not carry the key to the answers
            rows.add(row(button(words.plain(state, "web_result"), Callback.of(Callback.WEB))));
        }
        return rows;
    }

    /**
     * The whole result behind "Meer tips", with the short result's other buttons: the live ones from now on, so that a
     * second tap on "Meer tips" (a double tap) is one on an earlier message, not a second copy of a long message.
     */
    Reply wholeResult(ConversationState state, boolean keep, boolean web) {
        Reply whole = result(state, "");
        List<InlineKeyboardRow> rows = keepButtons(state, keep, web);
        return rows.isEmpty() ? whole : new Reply(whole.html(), whole.language(), new InlineKeyboardMarkup(rows), null, state.id());
    }

    /** The whole result: what the answers show, the tips, the summary; never the code to see the answers again. */
    static final int SHORT_LIMIT = 1_200;
    private static final int TOP_TIPS = 3;

    Reply result(ConversationState state, String prefix) {
        String lang = state.language();
        Result r = state.result();
        List<String> blocks = new ArrayList<>();
        if (!prefix.isEmpty()) {
            blocks.add(prefix);
        }
        boolean structured = r != null && (!r.scores().isEmpty() || !r.tips().isEmpty() || !r.summary().isEmpty());
        if (!structured) {
            // a closing message only; its HTML also holds the team's contact details when there are any
            String message = r == null ? "" : TelegramHtml.forTelegram(r.html());
            blocks.add(message.isEmpty() ? words.say(state, "done") : message);
            return Reply.text(String.join("\n\n", blocks), lang).about(state.id());
        }
        blocks.add("<b>" + words.say(state, "done") + "</b>");
        // where to go when someone is not safe, first, as on the page (a closing carries it in its HTML, above)
        if (r.safety() != null) {
            blocks.add(TelegramHtml.forTelegram(r.safety()));
        }
        if (!r.scores().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add(heading(state, "result.heading_scores"));
            r.scores().values().forEach(s -> lines.add("\u2022 " + score(state, s)));
            blocks.add(String.join("\n", lines));
        }
        if (!r.tips().isEmpty()) {
            blocks.add(heading(state, "result.heading_tips"));
            for (Result.Tip tip : r.tips()) {
                List<String> lines = new ArrayList<>();
                lines.add("<b>" + TelegramHtml.forTelegram(tip.title()) + "</b>");
                lines.add(TelegramHtml.forTelegram(tip.text()));
                if (!tip.why().isBlank()) {
                    lines.add("<i>" + words.shared(lang, state.flow(), "result.heading_why", Map.of()) + " " + TelegramHtml.forTelegram(tip.why()) + "</i>");
                }
                if (!tip.source().isBlank()) {
                    lines.add("<i>" + words.shared(lang, state.flow(), "result.heading_source", Map.of()) + " " + TelegramHtml.forTelegram(tip.source()) + "</i>");
                }
                blocks.add(String.join("\n", lines));
            }
        }
        if (r.contact() != null) {
            blocks.add(contact(r.contact()));
        }
        if (!r.summary().isEmpty()) {
            blocks.add(heading(state, "result.heading_summary"));
            for (Result.SummaryTheme theme : r.summary()) {
                List<String> lines = new ArrayList<>();
                lines.add("<b>" + TelegramHtml.forTelegram(theme.title()) + "</b>");
                for (Result.SummaryItem item : theme.items()) {
                    lines.add(TelegramHtml.forTelegram(item.question()));
                    lines.add(arrow(lang) + " " + TelegramHtml.forTelegram(item.answer()));
                }
                blocks.add(String.join("\n", lines));
            }
        }
        // no resume code under a result: a forwarded result must not hand out a key to the answers
        return Reply.text(String.join("\n\n", blocks), lang).about(state.id());
    }

    /** Where the resident can go (the team's own details): the heading, then each detail as "label: text". */
    private static String contact(Result.Contact contact) {
        List<String> lines = new ArrayList<>();
        lines.add("<b>" + TelegramHtml.forTelegram(contact.heading()) + "</b>");
        for (Result.ContactLine line : contact.lines()) {
            lines.add(TelegramHtml.forTelegram(line.label()) + ": " + TelegramHtml.forTelegram(line.text()));
        }
        if (contact.note() != null) {
            lines.add("<i>" + TelegramHtml.forTelegram(contact.note()) + "</i>");
        }
        return String.join("\n", lines);
    }

    /** The flows in {@code lang} to choose from, after {@code prefix}; with a button back to an unfinished one. */
    Reply menu(String lang, String prefix, List<Flow> flows, @Nullable ConversationState unfinished) {
        List<String> blocks = new ArrayList<>();
        if (!prefix.isEmpty()) {
            blocks.add(prefix);
        }
        List<InlineKeyboardRow> rows = new ArrayList<>();
        if (unfinished != null) {
            String title = words.flowText(unfinished.language(), unfinished.flow(), "title");
            rows.add(row(button(TelegramHtml.toPlain(words.say(lang, "continue", Map.of("title", TelegramWords.html(title)))),
                    Callback.of(Callback.CONTINUE))));
        }
        if (flows.isEmpty()) {
            blocks.add(words.say(lang, "no_flows"));
        } else {
            blocks.add(words.say(lang, "choose_flow"));
            // a title longer than a phone's button shows ("Uw mening over hulp bij opvoeden in uw wijk" was cut at
            // its end): the message numbers the flows, each button its number and the title's start
            boolean numbered = flows.stream().anyMatch(f ->
                    TelegramHtml.toPlain(TelegramHtml.forTelegram(words.flowText(lang, f.id(), "title"))).length() > BUTTON_LABEL_LIMIT);
            // under the start page's headings ("Voor professionals", "Voor bewoners en cliënten") where there are two
            // groups or more: a resident's neighbourhood analysis stood among a professional's reflections
            List<nl.samenspraak.flow.FlowGroups.Group> groups = nl.samenspraak.flow.FlowGroups.of(flows);
            Map<String, String> headingAbove = new HashMap<>();
            if (groups.size() > 1) {
                groups.forEach(g -> headingAbove.put(g.flows().get(0).id(),
                        "<b><u>" + TelegramHtml.forTelegram(words.shared(lang, "web." + g.key(), Map.of())) + "</u></b>\n"));
            }
            for (int i = 0; i < flows.size(); i++) {
                Flow flow = flows.get(i);
                String title = words.flowText(lang, flow.id(), "title");
                String heading = headingAbove.getOrDefault(flow.id(), "");
                blocks.add(heading + (numbered ? (i + 1) + ". " : "") + "<b>" + TelegramHtml.forTelegram(title) + "</b>\n"
                        + TelegramHtml.forTelegram(words.flowText(lang, flow.id(), "description")));
                String label = numbered ? (i + 1) + " \u00b7 " + TelegramHtml.toPlain(shortened(title, BUTTON_LABEL_LIMIT))
                        : TelegramHtml.toPlain(title);
                rows.add(row(button(label, Callback.flow(flow.id()))));
            }
        }
        return new Reply(String.join("\n\n", blocks), lang, rows.isEmpty() ? null : new InlineKeyboardMarkup(rows), null);
    }

    /**
     * The flow that was asked for is not in the chat's language ({@code refusal} says so, in that language): a button per
     * language the flow has, each starting it in that one ({@code start}: what /start named, a team's code with it);
     * when that does not fit in a button, the language menu, whose choice lists the flow.
     */
    Reply flowLanguages(String lang, Flow flow, String start, String refusal) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Language l : words.languages()) {
            if (flow.speaks(l.code())) {
                Callback startIn = Callback.of(Callback.START_IN, l.code() + ":" + start);
                Callback choice = startIn.fits() ? startIn : Callback.of(Callback.LANGUAGE, l.code());
                rows.add(row(button(TelegramHtml.toPlain(l.name()), choice)));
            }
        }
        return new Reply(refusal, lang, new InlineKeyboardMarkup(rows), null);
    }

    /**
     * For a language the conversation's flow lacks: the refusal (in that language) with a button per language of the
     * flow, each changing the conversation and the chat to it, as the language menu's buttons do.
     */
    Reply conversationLanguages(String lang, Flow flow, String refusal) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Language l : words.languages()) {
            if (flow.speaks(l.code())) {
                rows.add(row(button(TelegramHtml.toPlain(l.name()), Callback.of(Callback.LANGUAGE, l.code()))));
            }
        }
        return new Reply(refusal, lang, new InlineKeyboardMarkup(rows), null);
    }

    /** The language menu; {@code flowId}: the conversation the chat is in, whose register it follows (or null). */
    Reply languages(String lang, @Nullable String flowId, String prefix) {
        String text = (prefix.isEmpty() ? "" : prefix + "\n\n") + words.say(lang, flowId, "choose_language", Map.of());
        return new Reply(text, lang, languageButtons(lang), null);
    }

    /** A button per language, the one {@code marked} (if any) ticked. */
    private InlineKeyboardMarkup languageButtons(String marked) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Language l : words.languages()) {
            String mark = l.code().equals(marked) ? "\u2713 " : "";
            rows.add(row(button(mark + TelegramHtml.toPlain(l.name()), Callback.of(Callback.LANGUAGE, l.code()))));
        }
        return new InlineKeyboardMarkup(rows);
    }

    Reply forgetConfirmation(String lang, @Nullable String flowId) {
        return new Reply(words.say(lang, flowId, "forget_confirm", Map.of()), lang, new InlineKeyboardMarkup(List.of(row(
                button(words.plain(lang, flowId, "forget_yes"), Callback.of(Callback.FORGET, "y")),
                button(words.plain(lang, flowId, "forget_no"), Callback.of(Callback.FORGET, "n"))))), null);
    }

    Reply help(String lang, @Nullable String flowId, String prefix) {
        List<String> lines = new ArrayList<>();
        if (!prefix.isEmpty()) {
            lines.add(prefix);
            lines.add("");
        }
        lines.add(words.say(lang, flowId, "help", Map.of()));
        for (String command : TelegramWords.COMMANDS) {
            String alias = TelegramWords.ALIASES.get(command);
            lines.add("/" + command + (alias == null ? "" : " (/" + alias + ")") + " \u2014 " + words.say(lang, flowId, "commands." + command, Map.of()));
        }
        return Reply.text(String.join("\n", lines), lang);
    }

    String code(ConversationState state) {
        return code(state, false);
    }

    /**
     * As above; {@code held}: a conversation an intermediair holds (a chat linked to their account), which goes on here
     * with /hervat or on the website's "Mijn gesprekken", while its code only has it deleted: "hier met /hervat CODE of
     * op de website" found nothing either way (the probe of December 2026).
     */
    String code(ConversationState state, boolean held) {
        String resumeCode = state.resumeCode();
        String grouped = resumeCode.length() == 8 ? resumeCode.substring(0, 4) + "-" + resumeCode.substring(4) : resumeCode;
        String said = words.say(state, held ? "code_held" : "code", Map.of("code", grouped));
        // where the code is first named it is monospaced, which Telegram copies with one tap (to paste on the website or
        // after /hervat), rather than eight letters and digits copied by hand from a phone's screen; "/hervat CODE"
        // further on stays one command, one isolate in right-to-left text
        int at = said.indexOf(grouped);
        return at < 0 ? said : said.substring(0, at) + "<code>" + grouped + "</code>" + said.substring(at + grouped.length());
    }

    /** An answer in words: the labels of the options chosen (HTML-safe), or what was typed, escaped. */
    String answerLabel(ConversationState state, Object value) {
        StepView step = state.step();
        Map<String, String> labels = new HashMap<>();
        step.options().forEach(o -> labels.put(o.value(), TelegramHtml.forTelegram(o.label())));
        if (value instanceof Collection<?> values) {
            return words.list(state.language(), values.stream()
                    .map(v -> labels.getOrDefault(String.valueOf(v), TelegramHtml.escape(String.valueOf(v)))).toList());
        }
        String key = String.valueOf(value);
        if ("date".equals(step.type())) {
            // "Eerder antwoordde je: 2026-12-06" showed the stored form, where the transcript says "6 december 2026"
            return TelegramHtml.escape(words.date(state.language(), state.flow(), key));
        }
        if ("number".equals(step.type())) {
            // as the echo wrote it: "5,5" in Dutch, not the stored 5.5
            return TelegramHtml.escape(words.number(state.language(), state.flow(), value));
        }
        return labels.getOrDefault(key, TelegramHtml.escape(key));
    }

    private java.util.Optional<String> hint(ConversationState state) {
        StepView step = state.step();
        return switch (step.type()) {
            case "text" -> java.util.Optional.of(step.max() == null ? words.say(state, "type_text")
                    : words.say(state, "type_text_max", Map.of("max", step.max())));
            case "number" -> java.util.Optional.of(step.min() != null && step.max() != null
                    ? words.say(state, "type_number_range", Map.of("min", step.min(), "max", step.max()))
                    : words.say(state, "type_number"));
            case "date" -> java.util.Optional.of(words.say(state, "type_date"));
            case "multi" -> java.util.Optional.of(words.say(state, numbered(step) ? "numbered_multi_hint" : "multi_hint"));
            case "choice" -> numbered(step) ? java.util.Optional.of(words.say(state, "numbered_hint")) : java.util.Optional.empty();
            case "scale" -> step.minLabel() == null || step.maxLabel() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(step.min() + " = " + TelegramHtml.forTelegram(step.minLabel()) + " \u00B7 "
                    + step.max() + " = " + TelegramHtml.forTelegram(step.maxLabel()));
            default -> java.util.Optional.empty();
        };
    }

    /**
     * Whether the options are listed in full in the message, numbered, with numbers on the buttons: when any
     * label of a choice or multi question is longer than a button shows (a scale's and yes/no's are short).
     */
    static boolean numbered(StepView step) {
        return numbered(step.type(), step.options());
    }

    /** As {@link #numbered(StepView)}, for a question of {@code type} with {@code options} (in their order). */
    static boolean numbered(String type, List<OptionView> options) {
        return ("choice".equals(type) || "multi".equals(type))
                && options.stream().anyMatch(o -> plainLabel(o).length() > BUTTON_LABEL_LIMIT);
    }

    private static final java.util.regex.Pattern NUMBER_LIST_SEPARATORS =
            java.util.regex.Pattern.compile("[\\s,;\\u060C\\u061B]+");
    private static final java.util.regex.Pattern BUTTON_NUMBER = java.util.regex.Pattern.compile("(\\d{1,3})[.)]?");

    /**
     * What a person typed at a question whose options this view lists numbered (the buttons carry only the numbers):
     * the number of a button ("2", or the language's word for it, "twee"; at a multi question several, "1, 3" or "1 en
     * drie", the language's {@code and} words) is the option it names, as a tap on that button is: the value (choice)
     * or the values (multi). Empty, and the conversation reads the text as it reads any typed answer, when the options
     * are not listed numbered, when the text is not only such numbers, when a number names no option shown, and when a
     * number could be read as another option's own words (an option labelled or valued "2", or "Twee", that is not the
     * second): the number must name one button and nothing else. Digits of any script and full-width count, and the
     * words of {@code words}' language ({@link AnswerWords#numberNamed}), as the conversation reads them.
     */
    static Optional<Object> typedNumbers(String type, List<OptionView> options, String typed, AnswerWords words) {
        if (!numbered(type, options)) {
            return Optional.empty();
        }
        List<Integer> chosen = new ArrayList<>();
        for (String part : buttonNumbers(typed, words)) {
            int i = buttonNumber(part, words) - 1;
            if (i < 0 || i >= options.size() || readsAsAnotherOption(options, i, part)) {
                return Optional.empty();
            }
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty() || "choice".equals(type) && chosen.size() > 1) {
            return Optional.empty();
        }
        return Optional.of("choice".equals(type) ? options.get(chosen.get(0)).value()
                : chosen.stream().map(i -> options.get(i).value()).toList());
    }

    /**
     * The numbers of buttons {@code typed} is made of ("2", "2.", "1, 3", "1 en 3", "twee"), each as typed, in the
     * order typed; empty when it is anything else as well, or nothing. Which options they name, if any, is the list's
     * to say.
     */
    static List<String> buttonNumbers(String typed, AnswerWords words) {
        String plain = nl.samenspraak.engine.TypedCharacters.plain(typed).strip();
        List<String> and = words.andWords();
        List<String> numbers = new ArrayList<>();
        for (String part : NUMBER_LIST_SEPARATORS.split(plain)) {
            if (part.isEmpty() || and.stream().anyMatch(part::equalsIgnoreCase)) {
                continue;
            }
            if (buttonNumber(part, words) == null) {
                return List.of();
            }
            numbers.add(part);
        }
        return numbers;
    }

    /** The number a part of a typed answer gives a button: its digits ("2", "2.", "2)"), or its word ("twee"); else null. */
    private static Integer buttonNumber(String part, AnswerWords words) {
        java.util.regex.Matcher number = BUTTON_NUMBER.matcher(part);
        if (number.matches()) {
            return Integer.parseInt(number.group(1));
        }
        java.math.BigDecimal named = words.numberNamed(part);
        return named == null ? null : named.intValue();
    }

    /** Whether {@code typed} (a number, or its word) is also the value or label of another option than the {@code index}th. */
    private static boolean readsAsAnotherOption(List<OptionView> options, int index, String typed) {
        String said = AnswerWords.normalize(typed);
        for (int j = 0; j < options.size(); j++) {
            OptionView o = options.get(j);
            if (j != index && (said.equals(AnswerWords.normalize(o.value()))
                    || said.equals(AnswerWords.normalize(plainLabel(o))))) {
                return true;
            }
        }
        return false;
    }

    private String score(ConversationState state, Result.Score s) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", TelegramWords.html("<b>" + TelegramHtml.forTelegram(s.name()) + "</b>"));
        p.put("label", TelegramWords.html(TelegramHtml.forTelegram(s.label())));
        if (s.value() == null) {
            return words.say(state, "score_none", p);
        }
        p.put("value", s.value());
        return words.say(state, "score", p);
    }

    private String heading(ConversationState state, String key) {
        return "<b>" + TelegramHtml.forTelegram(words.shared(state.language(), state.flow(), key, Map.of())) + "</b>";
    }

    /** "Leads to", pointing the way the language reads. */
    private String arrow(String lang) {
        return words.language(lang).rightToLeft() ? "\u2190" : "\u2192";
    }

    /** The language menu for a person whose own language the project lacks: its question in every language. */
    Reply languagesForEveryone() {
        List<String> lines = new ArrayList<>();
        for (Language l : words.languages()) {
            lines.add(words.say(l.code(), "choose_language"));
        }
        return new Reply(String.join("\n", lines), Language.SOURCE, languageButtons(null), null);
    }

    /**
     * A closed result reached by its code: the words that say so ({@code closed}), then whether to delete it now, as
     * they promise, with "yes" (deleting by {@code code}) and "no" ({@code /vergeet}'s "no": nothing deleted). In the
     * chat's language, worded as {@code flowId} (the closed conversation's flow) words it.
     */
    Reply closedDeletion(String lang, String flowId, String closed, String code) {
        return new Reply(closed + "\n" + words.say(lang, flowId, "closed_delete_confirm", Map.of()), lang,
                new InlineKeyboardMarkup(List.of(row(
                        button(words.plain(lang, flowId, "closed_delete_yes"), Callback.of(Callback.DELETE_CLOSED, code)),
                        button(words.plain(lang, flowId, "forget_no"), Callback.of(Callback.FORGET, "n"))))), null);
    }

    private static String plainLabel(OptionView option) {
        return TelegramHtml.toPlain(option.label());
    }

    private static InlineKeyboardRow row(InlineKeyboardButton... buttons) {
        return new InlineKeyboardRow(buttons);
    }

    private static InlineKeyboardButton button(String text, Callback callback) {
        return InlineKeyboardButton.builder().text(text).callbackData(callback.data()).build();
    }
}
