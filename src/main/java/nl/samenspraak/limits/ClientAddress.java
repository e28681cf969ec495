package nl.samenspraak.limits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who a request comes from, for the limits (login, resume codes, starting conversations) and the audit log: the
 * socket's peer, or, when that peer is a configured trusted proxy ({@link NetworkSettings}), the nearest address in
 * {@code X-Forwarded-For} that is not a trusted proxy itself. A header from anyone else is ignored, so nobody gets a
 * fresh bucket by making one up. An IPv6 client is known by its /64: one household or phone gets a whole /64, so
 * counting single addresses would give it endless buckets.
 */
@Singleton
public class ClientAddress {
    private final List<Cidr> trusted;

    public ClientAddress(NetworkSettings settings) {
        this.trusted = settings.getProxies().stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** The key limits count under: an IPv4 address, or an IPv6 /64 ({@code 2001:db8:1:2::/64}). */
    public String of(HttpRequest<?> request) {
        return key(client(request));
    }

    /** Whether the request reached the service over HTTPS (directly, or as a trusted proxy says). */
    public boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        InetAddress peer = peer(request);
        if (peer == null || !isTrusted(peer)) {
            return false;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }

    @Nullable
    InetAddress client(HttpRequest<?> request) {
        InetAddress peer = peer(request);
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        return fromForwarded(peer, request.getHeaders().getAll("X-Forwarded-For"));
    }

    /** Walks X-Forwarded-For from the right (the hop nearest to us): the first address no trusted proxy has. */
    InetAddress fromForwarded(InetAddress peer, List<String> headers) {
        List<String> hops = headers.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break; // garbage from further out: trust what we have so far
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    static String key(@Nullable InetAddress address) {
        if (address == null) {
            return "unknown";
        }
        InetAddress a = normalize(address);
        if (a instanceof Inet6Address) {
            byte[] b = Arrays.copyOf(a.getAddress(), 16);
            Arrays.fill(b, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(b).getHostAddress().toLowerCase(Locale.ROOT) + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return a.getHostAddress();
    }

    /**
     * The wider network of a client key from {@link #of}: an IPv6 /64 key's /48 ({@code 2001:db8:1::/48}, a site's
     * allocation, which tunnel brokers give away), so a limit can also hold for whoever holds all its /64s; empty for
     * an IPv4 address or any other key.
     */
    public static java.util.Optional<String> network(String clientKey) {
        if (clientKey == null || !clientKey.endsWith("/64")) {
            return java.util.Optional.empty();
        }
        try {
            byte[] b = InetAddress.getByName(clientKey.substring(0, clientKey.length() - 3)).getAddress();
            if (b.length != 16) {
                return java.util.Optional.empty();
            }
            Arrays.fill(b, 6, 16, (byte) 0);
            return java.util.Optional.of(InetAddress.getByAddress(b).getHostAddress().toLowerCase(Locale.ROOT) + "/48");
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}) is the IPv4 address it carries. */
    static InetAddress normalize(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    @Nullable
    private static InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    /** A literal address (IPv6 may come in brackets, IPv4 with a port); null for anything else. Never DNS. */
    @Nullable
    static InetAddress literal(String text) {
        String t = text;
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            t = end < 0 ? "" : t.substring(1, end);
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':') && t.contains(".")) {
            t = t.substring(0, t.indexOf(':'));
        }
        if (t.isEmpty() || !t.matches("[0-9A-Fa-f:.]+") || !(t.contains(".") || t.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
