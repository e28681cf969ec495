package nl.samenspraak.system;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * A setting the service cannot run with, said in one line that names its environment variable and what to set
 * instead. The start prints it and stops ({@code Application}), without the stack of beans Micronaut was making:
 * a mistyped folder or address was a page of frames with the reason somewhere inside, or no complaint at all.
 */
public final class SettingRefused extends ConfigurationException {
    public SettingRefused(String message) {
        super(message);
    }

    /** "{@code variable}={@code value}: {@code why}" (never for a secret: its value stays out of the log). */
    public static SettingRefused of(String variable, String value, String why) {
        return new SettingRefused(variable + "=" + value + ": " + why);
    }
}
