package nl.samenspraak.dashboard;

import java.util.List;

/**
 * The questions the team report puts to the team meeting, drawn from the research: the ABC of
 * interculturalisation (Pharos, seed 004: analyse, policy and vision, communication, do, evaluate) and FORUM's
 * seven-step plan for working with migrant organisations and key persons (seed 001). Their words are in the
 * locales ({@code manager.discuss_<id>}); the sources are cited as tips cite theirs. The research asks a team
 * to discuss results together and agree on steps (002: "het moet geen afvinklijstje worden"), which is why the
 * report ends with these and room for the agreed actions.
 */
final class DiscussionQuestions {
    /** One question: its id (locale key) and where in the research it comes from. */
    record Question(String id, String source) {
    }

    /** The ABC, in its order. */
    static final List<Question> ABC = List.of(
            new Question("abc_analyse", "004_35139a6e97f2a8aa.txt, het ABC van interculturalisering, analyse (r. 116-122, 151-153)"),
            new Question("abc_beleid", "004_35139a6e97f2a8aa.txt, het ABC van interculturalisering, beleid en visie (r. 155, 168-176)"),
            new Question("abc_communicatie", "004_35139a6e97f2a8aa.txt, het ABC van interculturalisering, communicatie (r. 157, 180-188)"),
            new Question("abc_doen", "004_35139a6e97f2a8aa.txt, het ABC van interculturalisering, doen (r. 159, 190-200)"),
            new Question("abc_evalueer", "004_35139a6e97f2a8aa.txt, het ABC van interculturalisering, evalueer (r. 161, 202-215)"));

    /** From the seven-step plan: the steps a team can take up itself. */
    static final List<Question> STEPS = List.of(
            new Question("stap_bereik", "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 1 (r. 295-300)"),
            new Question("stap_sleutelpersonen", "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 2 (r. 321-333)"),
            new Question("stap_plan", "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 3 (r. 365-372)"),
            new Question("stap_draagvlak", "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 4 (r. 373-380)"),
            new Question("stap_uitvoering", "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 6 (r. 437-445)"),
            new Question("stap_evaluatie", "001_9508d08cb1aaeb2c.txt, Stappenplan, Stap 7 (r. 462-470)"));

    private DiscussionQuestions() {
    }
}
