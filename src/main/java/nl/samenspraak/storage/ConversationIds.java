package nl.samenspraak.storage;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of new conversations: UUIDs of version 7 (RFC 9562), the creation's millisecond first and 74 random bits
 * after it. The id is a conversation's key in the API, so it must not be guessable: 74 bits from a
 * {@link SecureRandom} are as far out of reach as the 122 of a random UUID for anyone guessing within one
 * millisecond (and an id names nothing without them). Ids in creation order keep the conversations being answered
 * now, and their answers in the index by conversation, on the last few pages of the database's indexes, instead
 * of one random page each: on embedded H2 every commit writes each page it changed anew, so a batch of answers
 * wrote a page per conversation; now it writes a few (issue 11.4). What an id tells whoever holds it: when its
 * conversation began, which its holder knows.
 */
final class ConversationIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConversationIds() {
    }

    static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16  // 48 bits of time
                | 0x7000L                                      // version 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL); // 12 random bits
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xFFL);
        }
        low = 0x8000_0000_0000_0000L | (low & 0x3FFF_FFFF_FFFF_FFFFL); // the RFC's variant (10), then 62 random bits
        return new UUID(high, low);
    }
}
