package nl.samenspraak.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a busy instance costs the database: lists of the flows and flow ids it does not serve, asked for within a
 * second of one look, are served by that look (on a clock the test moves, not a real one).
 */
class SharedLookTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void askersWithinASecondOfALookShareIt() {
        SharedLook look = new SharedLook(reads::incrementAndGet, Duration.ofSeconds(1), clock::get);
        look.recent();
        assertEquals(1, reads.get(), "the first asker looks");
        for (int i = 0; i < 1000; i++) { // a thousand start pages, or made-up flow ids, in the same second
            clock.addAndGet(Duration.ofMillis(999).toNanos() / 1000);
            look.recent();
        }
        assertEquals(1, reads.get(), "those within the second are served by that look");

        clock.addAndGet(Duration.ofMillis(1).toNanos());
        look.recent();
        assertEquals(2, reads.get(), "a second after the look began, the next asker looks again");
        look.recent();
        assertEquals(2, reads.get());
    }

    @Test
    void aLookThatFailedIsNotTriedAgainWithinTheSecond() {
        SharedLook look = new SharedLook(() -> {
            reads.incrementAndGet();
            throw new IllegalStateException("the database is away");
        }, Duration.ofSeconds(1), clock::get);
        for (int i = 0; i < 5; i++) {
            try {
                look.recent();
            } catch (IllegalStateException expected) {
                // the asker serves what is served
            }
        }
        assertEquals(1, reads.get(), "an outage does not make every list try the database");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThrowsAway(look);
        assertEquals(2, reads.get());
    }

    @Test
    void anAskerWhileALookRunsNeverBeginsAnother() throws InterruptedException {
        // even with no second between looks: two at once are never two reads (and with no second to wait, none waits)
        SharedLook[] look = new SharedLook[1];
        AtomicInteger askedMeanwhile = new AtomicInteger();
        look[0] = new SharedLook(() -> {
            reads.incrementAndGet();
            Thread other = new Thread(() -> {
                look[0].recent(); // would deadlock here if it waited for the look in whose middle it asks
                askedMeanwhile.incrementAndGet();
            });
            other.start();
            try {
                other.join(10_000); // (a bound only so that a lock that waited fails the test rather than hanging it)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ZERO, clock::get);
        look[0].recent();
        assertEquals(1, askedMeanwhile.get(), "the other asker was answered while the look ran");
        assertEquals(1, reads.get(), "with one read");
    }

    @Test
    void anAskerWhileALookRunsAfterAQuietSpellIsServedWhatThatLookFinds() throws InterruptedException {
        // the last look was long ago: what is served until the running look ends is that old
        java.util.concurrent.CountDownLatch lookMayEnd = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch lookBegan = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger(); // what a look found: the number of looks so far
        SharedLook look = new SharedLook(() -> {
            lookBegan.countDown();
            try {
                lookMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.set(reads.incrementAndGet());
        }, Duration.ofSeconds(5), clock::get);
        Thread first = new Thread(look::recent);
        first.start();
        lookBegan.await();
        AtomicInteger servedToSecond = new AtomicInteger(-1);
        Thread second = new Thread(() -> {
            look.recent();
            servedToSecond.set(seen.get());
        });
        second.start();
        second.join(300);
        assertEquals(-1, servedToSecond.get(), "the second asker was not served the list from before the look");
        lookMayEnd.countDown();
        second.join(5_000);
        first.join(5_000);
        assertEquals(1, servedToSecond.get(), "it was served what the running look found");
        assertEquals(1, reads.get(), "with one read");
    }

    private static void assertThrowsAway(SharedLook look) {
        try {
            look.recent();
        } catch (IllegalStateException expected) {
            // as above
        }
    }
}
