package nl.samenspraak.limits;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code samenspraak.trusted.proxies} ({@code SAMENSPRAAK_TRUSTED_PROXIES}): the addresses (CIDR, e.g.
 * {@code 10.0.0.0/8,::1/128}) of the reverse proxies in front of the service. Only a request whose direct peer is
 * one of them may say, in {@code X-Forwarded-For} and {@code X-Forwarded-Proto}, who the client is and whether it
 * came over HTTPS; from anyone else those headers are ignored. Empty (the default): no proxy is trusted.
 */
@ConfigurationProperties("samenspraak.trusted")
public class NetworkSettings {
    private List<String> proxies = new ArrayList<>();

    public List<String> getProxies() {
        return proxies;
    }

    public void setProxies(List<String> proxies) {
        this.proxies = proxies == null ? new ArrayList<>() : proxies;
    }
}
