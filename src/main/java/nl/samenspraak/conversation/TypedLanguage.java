package nl.samenspraak.conversation;

import nl.samenspraak.i18n.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The language an intermediair's typed answer is stored under, checked against its letters. The "Getypt in" menu keeps
 * its choice for the rest of the conversation (on purpose: Dutch typed for a Turkish resident stays Dutch), so it is
 * easy to leave on Dutch while typing a resident's Arabic words, and an Arabic text was then stored as Dutch (the probe
 * of an intermediair's working day): the dashboard's language labels and the exports' language column carry it.
 *
 * <p>The rule, the only one (the chat's page mirrors it to show the choice following the text): when every letter of
 * the text is of one script and the chosen language is written in another (Arabic letters under Dutch, Latin letters
 * under Arabic), the text is stored under the first language written in the text's script of: the resident's
 * language, the page's (the intermediair's own), then the languages in the service's order (Dutch first). So Arabic
 * under Dutch becomes Arabic; Latin under Arabic becomes the resident's language where it is written in Latin
 * letters, else the page's, else Dutch. Text of mixed scripts, or with no letters (digits, emoji), keeps the choice:
 * its letters do not say which language it is. A language whose language.yaml says no script, or letters of a script
 * no language is written in (Cyrillic), keep it too: there is nothing better to store it under.
 *
 * <p>Plain Java: the scripts come from the languages' files ({@link Language#writtenIn()}), so a new language needs
 * its {@code script} line, not a change here.
 */
public final class TypedLanguage {
    private final List<Language> languages;

    /** {@code languages}: every language the service speaks, in the order to fall back on (the source language first). */
    public TypedLanguage(List<Language> languages) {
        this.languages = List.copyOf(languages);
    }

    /**
     * The language to store {@code text} under: {@code chosen} (a language code) unless its script contradicts the
     * text's letters, then the first of {@code resident}, {@code page} (either may be null) and the service's languages
     * that is written in the text's script.
     */
    public String of(String text, String chosen, String resident, String page) {
        Optional<Character.UnicodeScript> letters = scriptOf(text);
        Optional<Character.UnicodeScript> said = find(chosen).flatMap(Language::writtenIn);
        if (letters.isEmpty() || said.isEmpty() || said.get() == letters.get()) {
            return chosen;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(resident);
        candidates.add(page);
        languages.forEach(l -> candidates.add(l.code()));
        return candidates.stream().filter(Objects::nonNull).map(this::find).flatMap(Optional::stream)
                .filter(l -> l.writtenIn().equals(letters)).map(Language::code).findFirst().orElse(chosen);
    }

    /**
     * The one script all letters of {@code text} are written in; empty when they are of several, or there are none.
     * Only letters count: digits, punctuation, spaces and emoji belong to no language's script (Unicode's Common and
     * Inherited, such as the Arabic tatweel and the marks that sit on a letter).
     */
    public static Optional<Character.UnicodeScript> scriptOf(String text) {
        Character.UnicodeScript found = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED
                    || script == Character.UnicodeScript.UNKNOWN) {
                continue;
            }
            if (found != null && found != script) {
                return Optional.empty();
            }
            found = script;
        }
        return Optional.ofNullable(found);
    }

    private Optional<Language> find(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
