package nl.samenspraak.dashboard;

/**
 * A dimension's mean score as a page shows it: rounded to a whole number, or none ({@code rounded} null: that row
 * or period does not show the dimension). Charts take the number; a template prints the text ({@link #toString()},
 * what {@code $m} gives): the number or "–". Kept as a number so that no chart or report parses a page's text back.
 */
record Mean(Long rounded) {
    static final Mean NONE = new Mean(null);

    static Mean of(Double mean) {
        return mean == null ? NONE : new Mean(Math.round(mean));
    }

    @Override
    public String toString() {
        return rounded == null ? "–" : rounded.toString();
    }
}
