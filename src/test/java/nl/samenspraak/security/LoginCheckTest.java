package nl.samenspraak.security;

import nl.samenspraak.limits.MemoryAttemptLog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Guesses sent at once: the lock-out counts each before its password is checked, so they cannot all slip through. */
class LoginCheckTest {

    /** A password check that takes as long as a real hash does, so guesses sent together overlap in it. */
    private static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger checked = new AtomicInteger();

        @Override
        public String encode(String rawPassword) {
            return "hash";
        }

        @Override
        public boolean matches(String rawPassword, String encodedPassword) {
            checked.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @Test
    void twentyGuessesSentAtOnceGetNoMoreThanFivePasswordChecks() throws Exception {
        Accounts accounts = mock(Accounts.class);
        when(accounts.byUsername("anna")).thenReturn(Optional.empty());
        SlowEncoder encoder = new SlowEncoder();
        LoginCheck check = new LoginCheck(accounts, encoder,
                new LoginAttempts(new MemoryAttemptLog(), 5, 100, Duration.ofMinutes(15), Clock.systemUTC()));

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<LoginCheck.Result>> results = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < 20; i++) {
                String guess = "guess " + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return check.check("198.51.100.9", "anna", guess);
                }));
            }
            go.countDown();
            int wrong = 0;
            int locked = 0;
            for (Future<LoginCheck.Result> r : results) {
                switch (r.get().status()) {
                    case WRONG -> wrong++;
                    case LOCKED -> locked++;
                    case OK -> throw new AssertionError("no guess is right");
                }
            }
            assertEquals(5, encoder.checked.get(), "five guesses were checked, not twenty");
            assertEquals(20, wrong + locked);
            assertEquals(true, locked >= 15, "the fifteen not checked are told the name is locked: " + locked);
        } finally {
            pool.shutdown();
        }
    }
}
