package nl.samenspraak.support;

import java.util.ArrayList;
import java.util.List;

/** The browsers one test opened, each a fresh profile at a phone's size, all closed at its end. */
public final class Browsers implements AutoCloseable {
    private final List<Browser> open = new ArrayList<>();

    /** A new browser whose language is {@code acceptLanguage}, its page 390x844 as a phone shows it. */
    public Browser phone(String acceptLanguage) {
        Browser b = new Browser(acceptLanguage);
        open.add(b);
        b.phone(390, 844);
        return b;
    }

    @Override
    public void close() {
        open.forEach(Browser::close);
        open.clear();
    }
}
