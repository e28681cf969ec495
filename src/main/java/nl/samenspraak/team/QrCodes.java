package nl.samenspraak.team;

/** Draws a QR code. */
public interface QrCodes {

    /** A PNG image of a QR code that reads as {@code text}. */
    byte[] png(String text);
}
