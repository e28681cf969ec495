package nl.samenspraak.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code samenspraak.public-url} (SAMENSPRAAK_PUBLIC_URL): the address people reach the service at, e.g.
 * https://samenspraak.example.nl, for links and QR codes ({@code team.JoinLinks}) and the same-origin check of forms
 * ({@code security.SameOriginCheck}); empty: taken from each request.
 */
@ConfigurationProperties("samenspraak")
public record PublicUrlSettings(@Nullable String publicUrl) {

    /** The address without a trailing slash, "" when none is configured. */
    public String url() {
        return publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }
}
