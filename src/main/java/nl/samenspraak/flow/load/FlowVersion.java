package nl.samenspraak.flow.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A flow's version: a short hash of its file and every text a person sees in it (its locale files). A conversation
 * keeps the version it was held in, so a changed question or wording is a new version, and an unchanged flow keeps
 * its version from one start to the next.
 */
final class FlowVersion {
    private FlowVersion() {
    }

    /** The first 12 hex digits of the SHA-256 of {@code content}, a zero byte and {@code texts}. */
    static String of(String content, String texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(texts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
