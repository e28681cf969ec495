package nl.samenspraak.result;

import nl.samenspraak.flow.Audience;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.i18n.SafeHtml;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.i18n.Translations;
import nl.samenspraak.i18n.TypedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "where can you go" block of a resident's or client's result: their team's own desk, address, walk-in
 * hours and way to an interpreter, so the advice "go to the wijkteam" comes with the real place. Only for
 * flows whose readers are residents or clients (a professional knows their own team); without details from
 * the team nothing is added and the tips' generic words stand alone.
 *
 * <p>A detail the team did not translate is shown in Dutch, marked as Dutch and isolated in its own direction
 * (so it reads whole inside Arabic), with one note in the reader's language that some details are in Dutch.
 * The team's text is escaped and stripped of direction controls, so nothing it typed can become markup or
 * turn the page's text around.
 */
final class ContactBlock {
    /** The audiences whose results say where to go (the flows a resident or client answers). */
    static final Set<Audience> AUDIENCES = Set.of(Audience.RESIDENT, Audience.CLIENT);

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final Translations translations;

    ContactBlock(Translations translations) {
        this.translations = translations;
    }

    /** The block for a reader of {@code language}; null when the flow's readers are not residents or clients, or there are no details. */
    Result.Contact of(Flow flow, String language, TeamContact team) {
        if (team == null || !AUDIENCES.contains(flow.audience())) {
            return null;
        }
        List<TeamContact.Detail> details = team.in(language);
        if (details.isEmpty()) {
            return null;
        }
        String readerDirection = direction(language);
        List<Result.ContactLine> lines = new ArrayList<>();
        boolean dutchOnly = false;
        for (TeamContact.Detail d : details) {
            String direction = direction(d.language());
            String text = LINE_BREAK.matcher(TextRenderer.escape(TypedText.lines(d.text()))).replaceAll("<br>");
            if (!direction.equals(readerDirection)) {
                // isolated (FSI ... PDI, as the sources are): also where the text travels without its HTML, as on Telegram
                text = "\u2068" + text + "\u2069";
            }
            lines.add(new Result.ContactLine(d.field(), translations.flowMessage(language, flow.id(), "result.contact." + d.field()),
                    text, d.language(), direction));
            dutchOnly |= !d.language().equals(language);
        }
        return new Result.Contact(translations.flowMessage(language, flow.id(), "result.contact.heading"), List.copyOf(lines),
                dutchOnly ? translations.flowMessage(language, flow.id(), "result.contact.in_dutch") : null);
    }

    /** The names a tip text may use ({@code $team.desk}, {@code address}, {@code walkIn}, {@code phone}, {@code email}, {@code interpreter}). */
    static final List<String> TIP_NAMES = List.of("desk", "address", "walkIn", "phone", "email", "interpreter");

    /**
     * The team's details as tip texts read them: each field's text (escaped, isolated where its direction differs,
     * without line breaks) or "" when the team did not fill it in, or when there is no block at all.
     */
    static Map<String, Object> tipModel(Result.Contact contact) {
        Map<String, Object> model = new java.util.HashMap<>();
        TIP_NAMES.forEach(name -> model.put(name, ""));
        if (contact != null) {
            for (Result.ContactLine line : contact.lines()) {
                String name = line.field().equals("walk_in") ? "walkIn" : line.field();
                if (model.containsKey(name)) {
                    model.put(name, new SafeHtml(line.text().replace("<br>", ", ")));
                }
            }
        }
        return model;
    }

    /**
     * The block in {@code language} as result.vm reads it, every value already HTML-safe; with {@code reader} (null,
     * or the same language: nobody reads along) its heading, each line's label and the note again beneath in the
     * reader's language ({@code r}, else false), as the rest of the result: on an intermediair's page "Waar kunt u
     * terecht?" stood in the resident's language only, under the scores and tips that stood in both. The team's own
     * details stay as the team wrote them for the resident.
     */
    Map<String, Object> model(Flow flow, Result.Contact contact, String language, String reader) {
        boolean again = reader != null && !reader.equals(language) && translations.language(reader).isPresent();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("heading", new SafeHtml(contact.heading()));
        model.put("lines", contact.lines().stream().map(l -> Map.<String, Object>of("label", new SafeHtml(l.label()),
                "again", again ? new SafeHtml(translations.flowMessage(reader, flow.id(), "result.contact." + l.field())) : "",
                "text", new SafeHtml(l.text()), "language", l.language(), "direction", l.direction())).toList());
        model.put("note", contact.note() == null ? "" : new SafeHtml(contact.note()));
        model.put("r", again ? Map.of("lang", reader, "dir", direction(reader), "originalLang", language,
                "originalDir", direction(language),
                "heading", new SafeHtml(translations.flowMessage(reader, flow.id(), "result.contact.heading")),
                "note", contact.note() == null ? "" : new SafeHtml(translations.flowMessage(reader, flow.id(), "result.contact.in_dutch")))
                : false);
        return model;
    }

    private String direction(String language) {
        return translations.language(language).map(l -> l.direction()).orElse("ltr");
    }
}
