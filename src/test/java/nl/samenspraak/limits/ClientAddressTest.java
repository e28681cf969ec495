package nl.samenspraak.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who a request comes from: the socket, or a trusted proxy's X-Forwarded-For; IPv6 by its /64. */
class ClientAddressTest {
    private static ClientAddress trusting(String... proxies) {
        NetworkSettings settings = new NetworkSettings();
        settings.setProxies(List.of(proxies));
        return new ClientAddress(settings);
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void anIpv6ClientIsKnownByItsSlash64() throws Exception {
        assertEquals(ClientAddress.key(ip("2001:db8:1:2::1")), ClientAddress.key(ip("2001:db8:1:2:ffff:1:2:3")));
        assertNotEquals(ClientAddress.key(ip("2001:db8:1:2::1")), ClientAddress.key(ip("2001:db8:1:3::1")));
        assertEquals("192.0.2.4", ClientAddress.key(ip("::ffff:192.0.2.4")), "an IPv4-mapped address is its IPv4 address");
        assertNotEquals(ClientAddress.key(ip("192.0.2.4")), ClientAddress.key(ip("192.0.2.5")), "IPv4: each address");
    }

    @Test
    void anIpv6ClientsNetworkIsItsSlash48AndAnIpv4ClientHasNone() throws Exception {
        assertEquals(java.util.Optional.of("2001:db8:1:0:0:0:0:0/48"), ClientAddress.network(ClientAddress.key(ip("2001:db8:1:2::1"))));
        assertEquals(ClientAddress.network(ClientAddress.key(ip("2001:db8:1:2::1"))),
                ClientAddress.network(ClientAddress.key(ip("2001:db8:1:ffff::9"))), "every /64 of a /48");
        assertNotEquals(ClientAddress.network(ClientAddress.key(ip("2001:db8:1:2::1"))),
                ClientAddress.network(ClientAddress.key(ip("2001:db8:2:2::1"))));
        assertEquals(java.util.Optional.empty(), ClientAddress.network(ClientAddress.key(ip("198.51.100.7"))));
        assertEquals(java.util.Optional.empty(), ClientAddress.network(ClientAddress.key(ip("::ffff:198.51.100.7"))), "a mapped IPv4 address is IPv4");
    }

    @Test
    void forwardedForIsReadFromTheRightSkippingTrustedProxies() throws Exception {
        ClientAddress clients = trusting("10.0.0.0/8", "fd00::/8");
        assertEquals(ip("198.51.100.9"), clients.fromForwarded(ip("10.0.0.2"), List.of("6.6.6.6, 198.51.100.9")),
                "what the client itself wrote in front (6.6.6.6) is not believed");
        assertEquals(ip("198.51.100.9"), clients.fromForwarded(ip("10.0.0.2"), List.of("198.51.100.9, 10.0.0.3")),
                "a second trusted proxy in the chain is skipped");
        assertEquals(ip("10.0.0.2"), clients.fromForwarded(ip("10.0.0.2"), List.of()), "no header: the proxy itself");
        assertEquals(ip("10.0.0.2"), clients.fromForwarded(ip("10.0.0.2"), List.of("not-an-address")));
        assertEquals(ip("2001:db8::1"), clients.fromForwarded(ip("fd00::1"), List.of("[2001:db8::1]:443")));
    }

    @Test
    void aProxyListIsAddressesOnly() {
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.example"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    }
}
