package nl.samenspraak.dashboard;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, before any page is served, the themes managers gave free texts before the texts' hashes were keyed get
 * their keyed hash ({@link FreeTextTags#rekeyPlain()}): a manager sees them on the same texts as before, and no plain
 * SHA-256 of anyone's words stays in the table. Once done it is one query. When the database cannot be reached
 * now, the daily retention run does it before it deletes anything. The log says how many, never which.
 */
@Singleton
public class KeyedTagsAtStart implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(KeyedTagsAtStart.class);

    private final FreeTextTags tags;

    KeyedTagsAtStart(FreeTextTags tags) {
        this.tags = tags;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            FreeTextTags.Rekeyed done = tags.rekeyPlain();
            if (done.rekeyed() + done.deleted() > 0) {
                LOG.info("themes on free texts: {} now named by the keyed hash of their words, {} of words no longer there deleted",
                        done.rekeyed(), done.deleted());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not rekey the themes on free texts this start ({}); the daily retention run will",
                    e.getClass().getSimpleName());
        }
    }
}
