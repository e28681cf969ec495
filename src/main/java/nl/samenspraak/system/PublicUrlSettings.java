package nl.samenspraak.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code samenspraak.public-url} (SAMENSPRAAK_PUBLIC_URL): the address people reach the service at, e.g.
 * https://samenspraak.example.nl, for links and QR codes ({@code team.JoinLinks}) and the same-origin check of forms
 * ({@code security.SameOriginCheck}); empty: taken from each request.
 */
@ConfigurationProperties("samenspraak")
@io.micronaut.context.annotation.Context
public record PublicUrlSettings(@Nullable String publicUrl) {

    /**
     * Checked as the service starts (so the bean is made then): "samenspraak.example.nl", without its scheme, made every
     * join link and QR code a link relative to the page it was on.
     */
    public PublicUrlSettings {
        if (publicUrl != null && !publicUrl.isBlank() && !publicUrl.strip().matches("https?://[^/\\s?#@]+(/[^\\s?#]*)?")) {
            throw SettingRefused.of("SAMENSPRAAK_PUBLIC_URL", publicUrl,
                    "an address with http:// or https://, without a query, e.g. https://samenspraak.example.nl");
        }
    }

    /** The address without a trailing slash, "" when none is configured. */
    public String url() {
        return publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }
}
