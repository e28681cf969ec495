package nl.samenspraak.dashboard;

import nl.samenspraak.i18n.SafeHtml;

import java.util.List;

/**
 * What the dashboard's team and record pages show, as typed view models: a template reads {@code $team.name} from a
 * record as it did from a map (see {@code web.RecordProperties}), and the compiler, not a test, notices a missing
 * or misspelt field.
 */
final class DashboardViews {
    private DashboardViews() {
    }

    /** A team as a link or heading. */
    record TeamView(long id, String name) {
    }

    /** A flow as a page's heading. */
    record FlowView(String id, String title) {
    }

    /**
     * A flow on the team's page: a record flow's count of conversations, or an anonymous flow's respondents as a
     * manager may read them (a number, or "fewer than 5"); {@code summary}: a closed round of at least k to sum up
     * (else no link to a summary).
     */
    record FlowCard(String id, String title, boolean record, Object count, boolean summary) {
    }

    /** One conversation of a record flow (the topiclijst), in full. */
    record RecordCard(String date, SafeHtml title, List<RecordAnswer> answers, List<RecordScore> scores) {
    }

    /** A question of a record and its answer, in the language it was given in. */
    record RecordAnswer(SafeHtml question, String answer, String language) {
    }

    /** A record's score on one dimension. */
    record RecordScore(String name, int score) {
    }
}
