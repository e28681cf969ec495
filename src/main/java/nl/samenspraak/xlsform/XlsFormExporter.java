package nl.samenspraak.xlsform;

import nl.samenspraak.flow.AdviceRule;
import nl.samenspraak.flow.Flow;
import nl.samenspraak.flow.Option;
import nl.samenspraak.flow.Step;
import nl.samenspraak.flow.StepType;
import nl.samenspraak.flow.Transition;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.Text;
import nl.samenspraak.i18n.Translations;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as an XLSForm with all its languages side by side ({@code label::Nederlands (nl)}, ...), readable back by
 * {@link XlsFormConverter}. A flow's ways out become {@code relevant}: a step that skips ahead when its condition
 * fails makes the steps it skips relevant only when it holds. What XLSForm can't carry (a jump that is not such a
 * skip) is refused, never dropped. Samenspraak's own parts go in own columns and sheets the importer reads back:
 * points of a yes/no question ({@code points_list} naming a choices list with {@code ja} and {@code nee}),
 * benchmarks (a {@code benchmarks} sheet), advice (an {@code advice} sheet), bands, result reader, retention and
 * minimum group size (settings columns).
 */
public final class XlsFormExporter {
    private final Flow flow;
    private final Translations translations;
    private final List<Language> languages;

    private XlsFormExporter(Flow flow, Translations translations) {
        this.flow = flow;
        this.translations = translations;
        this.languages = flow.languages().stream().map(translations::languageOrSource).toList();
    }

    /** @throws XlsFormRefused naming the step that can't be written as XLSForm */
    public static byte[] export(Flow flow, Translations translations) {
        return new XlsFormExporter(flow, translations).write();
    }

    private byte[] write() {
        List<String> relevance = relevance();
        List<List<String>> survey = new ArrayList<>();
        List<List<String>> choices = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("type", "name"));
        header.addAll(perLanguage("label"));
        header.addAll(List.of("required", "relevant", "constraint"));
        header.addAll(perLanguage("constraint_message"));
        header.addAll(List.of("parameters", "dimension", "reverse", "dont_know", "theme", "consent", "voice"));
        header.addAll(perLanguage("min_label"));
        header.addAll(perLanguage("max_label"));
        header.add("points_list");
        header.add("source");
        survey.add(header);
        List<String> choiceHeader = new ArrayList<>(List.of("list_name", "name"));
        choiceHeader.addAll(perLanguage("label"));
        flow.dimensions().forEach(d -> choiceHeader.add("points::" + d));
        choiceHeader.add("exclusive");
        choices.add(choiceHeader);
        for (int i = 0; i < flow.steps().size(); i++) {
            Step step = flow.steps().get(i);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("type", type(step));
            row.put("name", step.id());
            perLanguage(row, "label", "steps." + step.id() + ".text");
            if (step.asksSomething() && !step.optional()) {
                row.put("required", "yes");
            }
            row.put("relevant", relevance.get(i));
            row.put("constraint", constraint(step));
            if (has("steps." + step.id() + ".invalid")) {
                perLanguage(row, "constraint_message", "steps." + step.id() + ".invalid");
            }
            if (step.type() == StepType.SCALE) {
                row.put("parameters", "start=" + XPathConditions.number(step.min()) + " end="
                        + XPathConditions.number(step.max()) + " step=1");
                perLanguage(row, "min_label", "steps." + step.id() + ".minLabel");
                perLanguage(row, "max_label", "steps." + step.id() + ".maxLabel");
            }
            row.put("dimension", step.dimension());
            row.put("reverse", step.reverse() ? "yes" : "");
            // "weet ik niet" in the shared words is a column; one a step words itself is a choice of its own
            row.put("dont_know", step.options().stream().anyMatch(o -> sharedDontKnow(step, o)) ? "yes" : "");
            row.put("theme", step.theme());
            row.put("consent", step.consent() ? "yes" : "");
            row.put("voice", step.voice() ? "yes" : "");
            row.put("source", step.source());
            if (step.type() == StepType.YESNO && step.options().stream().anyMatch(o -> !o.points().isEmpty())) {
                // an acknowledge has no choices of its own: its points live in a list of their own
                row.put("points_list", step.id());
                for (Option o : step.options()) {
                    if (o.dontKnow()) {
                        continue;
                    }
                    Map<String, String> c = new LinkedHashMap<>();
                    c.put("list_name", step.id());
                    c.put("name", o.value());
                    for (Language l : languages) {
                        c.put(column("label", l), translations.message(l.code(),
                                o.value().equals(Step.YES) ? "answer.yes" : "answer.no"));
                    }
                    o.points().forEach((d, p) -> c.put("points::" + d, XPathConditions.number(p)));
                    choices.add(cells(choiceHeader, c));
                }
            }
            survey.add(cells(header, row));
            if (step.type() == StepType.CHOICE || step.type() == StepType.MULTI) {
                for (Option o : step.options()) {
                    if (sharedDontKnow(step, o)) {
                        continue;
                    }
                    Map<String, String> c = new LinkedHashMap<>();
                    c.put("list_name", step.id());
                    c.put("name", o.value());
                    perLanguage(c, "label", "steps." + step.id() + ".options." + o.value());
                    o.points().forEach((d, p) -> c.put("points::" + d, XPathConditions.number(p)));
                    c.put("exclusive", o.exclusive() ? "yes" : "");
                    choices.add(cells(choiceHeader, c));
                }
            }
        }
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        sheets.put("survey", survey);
        sheets.put("choices", choices);
        sheets.put("settings", settings());
        if (!flow.dimensions().isEmpty()) {
            sheets.put("dimensions", names("dimensions", flow.dimensions()));
        }
        List<String> themes = flow.steps().stream().map(Step::theme).filter(t -> t != null).distinct().toList();
        if (!themes.isEmpty()) {
            sheets.put("themes", names("themes", themes));
        }
        if (!flow.advice().isEmpty()) {
            sheets.put("advice", advice());
        }
        if (flow.steps().stream().anyMatch(st -> st.benchmark() != null)) {
            sheets.put("benchmarks", benchmarks());
        }
        List<List<String>> messages = messages();
        if (messages.size() > 1) {
            sheets.put("messages", messages);
        }
        return workbook(sheets);
    }

    private boolean sharedDontKnow(Step step, Option o) {
        return o.dontKnow() && (step.type() == StepType.SCALE || step.type() == StepType.YESNO
                || !has("steps." + step.id() + ".options." + o.value()));
    }

    /**
     * Each step's relevance: the conditions of the skips around it. A step with ways out must be a skip: one
     * condition leading to the step below and the other way further down (or the reverse), the skipped steps
     * nested inside any skip around them.
     */
    private List<String> relevance() {
        List<Step> steps = flow.steps();
        List<List<String>> around = new ArrayList<>();
        int[] regionEnd = new int[steps.size()];
        steps.forEach(s -> around.add(new ArrayList<>()));
        java.util.Arrays.fill(regionEnd, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<Transition> next = step.next();
            if (next.isEmpty() || (next.size() == 1 && next.get(0).condition() == null && index(next.get(0).target()) == i + 1)) {
                continue;
            }
            if (next.size() != 2 || next.get(0).condition() == null || next.get(1).condition() != null) {
                throw refused(step, "xlsform.problem.export_ways_out");
            }
            int yes = index(next.get(0).target());
            int no = index(next.get(1).target());
            String condition = JexlToXPath.xpath(next.get(0).condition().text(), multiples());
            int later;
            String held;
            if (yes == i + 1 && no > i + 1) {
                later = no;
                held = condition;
            } else if (no == i + 1 && yes > i + 1) {
                later = yes;
                held = "not(" + condition + ")";
            } else {
                throw refused(step, "xlsform.problem.export_not_a_skip");
            }
            for (int k = i + 1; k < later; k++) {
                if (later > regionEnd[k]) {
                    throw refused(step, "xlsform.problem.export_skips_out");
                }
                around.get(k).add(held);
                regionEnd[k] = Math.min(regionEnd[k], later);
            }
        }
        List<String> relevance = new ArrayList<>();
        for (List<String> conditions : around) {
            relevance.add(conditions.isEmpty() ? "" : conditions.size() == 1 ? conditions.get(0)
                    : "(" + String.join(") and (", conditions) + ")");
        }
        return relevance;
    }

    /** The ids of the flow's select_multiple steps: their size() is count-selected(), any other's string-length(). */
    private java.util.Set<String> multiples() {
        return flow.steps().stream().filter(st -> st.type() == StepType.MULTI).map(Step::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    private int index(String target) {
        if (Transition.END.equals(target)) {
            return flow.steps().size();
        }
        return flow.steps().indexOf(flow.requireStep(target));
    }

    private XlsFormRefused refused(Step step, String key) {
        return new XlsFormRefused(List.of(new XlsFormProblem(flow.file(), step.line(), null, key,
                Map.of("step", step.id()))));
    }

    private static String type(Step step) {
        return switch (step.type()) {
            case INFO -> "note";
            case CHOICE -> "select_one " + step.id();
            case MULTI -> "select_multiple " + step.id();
            case SCALE -> "range";
            case YESNO -> "acknowledge";
            case TEXT -> "text";
            case NUMBER -> step.integer() ? "integer" : "decimal";
            case DATE -> "date";
        };
    }

    private static String constraint(Step step) {
        List<String> parts = new ArrayList<>();
        switch (step.type()) {
            case NUMBER -> {
                if (step.min() != null) {
                    parts.add(". >= " + XPathConditions.number(step.min()));
                }
                if (step.max() != null) {
                    parts.add(". <= " + XPathConditions.number(step.max()));
                }
            }
            case MULTI -> {
                if (step.min() != null) {
                    parts.add("count-selected(.) >= " + XPathConditions.number(step.min()));
                }
                if (step.max() != null) {
                    parts.add("count-selected(.) <= " + XPathConditions.number(step.max()));
                }
            }
            case TEXT -> {
                if (step.maxLength() != null) {
                    parts.add("string-length(.) <= " + step.maxLength());
                }
            }
            case DATE -> {
                if (step.notBefore() != null) {
                    parts.add(". >= " + dateBound(step.notBefore()));
                }
                if (step.notAfter() != null) {
                    parts.add(". <= " + dateBound(step.notAfter()));
                }
            }
            default -> {
            }
        }
        return String.join(" and ", parts);
    }

    private static String dateBound(String bound) {
        return Step.TODAY.equals(bound) ? "today()" : "date('" + bound + "')";
    }

    private List<List<String>> settings() {
        List<String> header = new ArrayList<>(List.of("form_id", "form_title", "default_language", "audience",
                "dashboard", "show_scores", "demo", "result", "bands_middle", "bands_high", "minimum_group_size",
                "max_tips", "retention_unfinished", "retention_finished", "retention_result"));
        header.addAll(perLanguage("form_title"));
        header.addAll(perLanguage("description"));
        Map<String, String> row = new LinkedHashMap<>();
        row.put("form_id", flow.id());
        row.put("form_title", text(Language.SOURCE, "title"));
        row.put("default_language", column("", translations.languageOrSource(Language.SOURCE)).substring(2));
        row.put("audience", flow.audience().key());
        row.put("dashboard", flow.dashboard().key());
        row.put("show_scores", flow.showsScores() ? "yes" : "no");
        row.put("demo", flow.demo() ? "yes" : "");
        row.put("result", flow.resultFor());
        if (flow.bands() != null) {
            row.put("bands_middle", String.valueOf(flow.bands().middle()));
            row.put("bands_high", String.valueOf(flow.bands().high()));
        }
        if (flow.minimumGroupSize() != null) {
            row.put("minimum_group_size", String.valueOf(flow.minimumGroupSize()));
        }
        if (flow.maxTips() != null) {
            row.put("max_tips", String.valueOf(flow.maxTips()));
        }
        nl.samenspraak.flow.Retention retention = flow.retention();
        if (retention != null && !retention.equals(nl.samenspraak.flow.Retention.DEFAULT)) {
            row.put("retention_unfinished", duration(retention.unfinished()));
            row.put("retention_finished", retention.finished() == null ? "" : duration(retention.finished()));
            row.put("retention_result", retention.result() == null ? ""
                    : retention.result().isZero() ? "none" : duration(retention.result()));
        }
        perLanguage(row, "form_title", "title");
        perLanguage(row, "description", "description");
        return List.of(header, cells(header, row));
    }

    /** A retention as the flow file writes it: whole days ({@code 30d}) or else hours ({@code 12h}). */
    private static String duration(java.time.Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() + "h";
    }

    /**
     * Samenspraak's own sheet of benchmarks: per question one row without a category (of or percent, source,
     * what was measured per language), then one row per category with its figure and its label per language.
     */
    private List<List<String>> benchmarks() {
        List<String> header = new ArrayList<>(List.of("question", "category", "figure", "of", "percent", "source"));
        header.addAll(perLanguage("label"));
        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (Step step : flow.steps()) {
            nl.samenspraak.flow.Benchmark b = step.benchmark();
            if (b == null) {
                continue;
            }
            String key = "steps." + step.id() + ".benchmark.";
            Map<String, String> row = new LinkedHashMap<>();
            row.put("question", step.id());
            row.put("of", b.of() == null ? "" : XPathConditions.number(b.of()));
            row.put("percent", b.percent() == null ? "" : XPathConditions.number(b.percent()));
            row.put("source", b.source());
            perLanguage(row, "label", key + "text");
            rows.add(cells(header, row));
            b.figures().forEach((category, figure) -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("question", step.id());
                f.put("category", category);
                f.put("figure", XPathConditions.number(figure));
                perLanguage(f, "label", key + "figures." + category);
                rows.add(cells(header, f));
            });
        }
        return rows;
    }

    private List<List<String>> names(String what, List<String> names) {
        List<String> header = new ArrayList<>(List.of("name"));
        header.addAll(perLanguage("label"));
        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (String name : names) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", name);
            perLanguage(row, "label", what + "." + name);
            rows.add(cells(header, row));
        }
        return rows;
    }

    private List<List<String>> advice() {
        List<String> header = new ArrayList<>(List.of("name", "when", "priority", "suppresses", "flag", "source"));
        header.addAll(perLanguage("title"));
        header.addAll(perLanguage("text"));
        // a tip's words for a team's managers (DashboardWords.teamTipTitle): columns only when a tip has them
        boolean teamWords = flow.advice().stream().anyMatch(r -> has("tips." + r.id() + ".team_title")
                || has("tips." + r.id() + ".team"));
        if (teamWords) {
            header.addAll(perLanguage("team_title"));
            header.addAll(perLanguage("team"));
        }
        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (AdviceRule rule : flow.advice()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", rule.id());
            row.put("when", JexlToXPath.xpath(rule.when().text(), multiples()));
            row.put("priority", String.valueOf(rule.priority()));
            row.put("suppresses", String.join(" ", rule.suppresses()));
            row.put("flag", rule.flag() ? "yes" : "");
            row.put("source", rule.source());
            perLanguage(row, "title", "tips." + rule.id() + ".title");
            perLanguage(row, "text", "tips." + rule.id() + ".text");
            if (teamWords) {
                perLanguage(row, "team_title", "tips." + rule.id() + ".team_title");
                perLanguage(row, "team", "tips." + rule.id() + ".team");
            }
            rows.add(cells(header, row));
        }
        return rows;
    }

    /** The flow's own wording of shared messages, by key, in the languages that word them. */
    private List<List<String>> messages() {
        List<String> header = new ArrayList<>(List.of("key"));
        header.addAll(perLanguage("text"));
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (Language l : languages) {
            translations.texts(l.code()).map(t -> t.flow(flow.id())).orElse(Map.of()).keySet().stream()
                    .filter(k -> k.startsWith(Translations.FLOW_MESSAGES)).forEach(keys::add);
        }
        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (String key : keys) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("key", key.substring(Translations.FLOW_MESSAGES.length()));
            perLanguage(row, "text", key);
            rows.add(cells(header, row));
        }
        return rows;
    }

    private List<String> perLanguage(String base) {
        return languages.stream().map(l -> column(base, l)).toList();
    }

    private void perLanguage(Map<String, String> row, String base, String key) {
        for (Language l : languages) {
            row.put(column(base, l), text(l.code(), key));
        }
    }

    private static String column(String base, Language language) {
        return base + "::" + language.name() + " (" + language.code() + ")";
    }

    private boolean has(String key) {
        return languages.stream().anyMatch(l -> translations.texts(l.code())
                .map(t -> t.flow(flow.id()).containsKey(key)).orElse(false));
    }

    private String text(String language, String key) {
        Text t = translations.texts(language).map(x -> x.flow(flow.id()).get(key)).orElse(null);
        return t == null ? "" : t.text();
    }

    private static List<String> cells(List<String> header, Map<String, String> row) {
        return header.stream().map(h -> row.getOrDefault(h, "") == null ? "" : row.getOrDefault(h, "")).toList();
    }

    private static byte[] workbook(Map<String, List<List<String>>> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Samenspraak", "1.0");
            for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
                Worksheet ws = wb.newWorksheet(e.getKey());
                List<List<String>> rows = e.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String v = rows.get(r).get(c);
                        if (v != null && !v.isEmpty()) {
                            ws.value(r, c, v);
                        }
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
