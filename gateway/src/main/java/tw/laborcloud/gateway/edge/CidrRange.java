package tw.laborcloud.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address ({@code 10.0.0.7}) or a range ({@code 10.0.0.0/8}, {@code fd00::/8}) of IPv4 or IPv6 addresses. */
record CidrRange(byte[] network, int prefixBits) {

    static CidrRange parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] network = literal(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or range: " + text);
        }
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new CidrRange(network, bits);
    }

    boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int whole = prefixBits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    /** The bytes of an IP literal, or null for anything else (never a DNS look-up). */
    private static byte[] literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null; // a host name: never looked up
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
