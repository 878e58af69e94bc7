package com.slaledger.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may be posted (SPEC §18): {@code https}, or {@code http} to a host in
 * {@code notification.webhooks.allowed-hosts}; and never to an address in a private, loopback,
 * link-local, unique-local, carrier-grade NAT, multicast or unspecified range unless its host is
 * allowed there. A name is judged by every address it resolves to, and the request goes to the
 * address judged (not to a second lookup), so a name cannot be re-pointed between check and
 * connection. The resolver is given, so that the rule is tested without a lookup or a connection.
 */
public final class WebhookAddressRule {

    /** Resolves a host name (or literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that may be posted to, and the address to connect to. */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {}

    /** A URL the rule refuses, with the reason. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public WebhookAddressRule(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.resolver = resolver;
    }

    /** The URL's form alone: scheme, host, no credentials; throws Refused naming the fault. */
    public URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        if (scheme.equals("http") && !allowed(host(uri))) {
            throw new Refused("must be https: plain http only to the hosts in notification.webhooks.allowed-hosts");
        }
        return uri;
    }

    /**
     * The URL checked in full, resolving its host: the address to connect to. UnknownHostException
     * when the name does not resolve now (a temporary fault).
     */
    public Target check(String url) throws Refused, UnknownHostException {
        URI uri = parse(url);
        String host = host(uri);
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!allowed(host)) {
            for (InetAddress a : addresses) {
                if (internal(a) && !allowed(a.getHostAddress())) {
                    throw new Refused("resolves to " + a.getHostAddress()
                            + ", a private, loopback or link-local address; allow the host in"
                            + " notification.webhooks.allowed-hosts to post there");
                }
            }
        }
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, host, port, tls, addresses[0]);
    }

    /** The host as written, without the brackets of an IPv6 literal, in lower case. */
    static String host(URI uri) {
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private boolean allowed(String host) {
        return allowedHosts.contains(host);
    }

    /** Whether {@code a} is not a public unicast address. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:0:0/96 mapped IPv4 is judged as the IPv4 address
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 192.0.0.0/24 IETF, 198.18.0.0/15 benchmarking
        return (first == 100 && second >= 64 && second <= 127)
                || first == 0
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19))
                || first >= 240;
    }
}
