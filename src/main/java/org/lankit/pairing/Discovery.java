package org.lankit.pairing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import javax.jmdns.ServiceInfo;

/**
 * Masters announce themselves with DNS-SD (mDNS) as {@code _lankit._tcp.local.}, with their
 * device id in the TXT record. Multicast is blocked on many networks, so this only helps: typing
 * the address or the join code must always work.
 */
public final class Discovery {

    public static final String SERVICE_TYPE = "_lankit._tcp.local.";
    static final String ID_KEY = "id";

    private Discovery() {
    }

    static ServiceInfo serviceInfo(String teamName, int port, String deviceId) {
        return ServiceInfo.create(SERVICE_TYPE, instanceName(teamName, deviceId), port, 0, 0, Map.of(ID_KEY, deviceId, "v", "1"));
    }

    /** Parses a resolved announcement; null when it lacks an IPv4 address or our TXT record. */
    static FoundMaster parse(ServiceInfo info) {
        String deviceId = info.getPropertyString(ID_KEY);
        if (deviceId == null || info.getInet4Addresses().length == 0 || info.getPort() <= 0) return null;
        String host = info.getInet4Addresses()[0].getHostAddress();
        String name = info.getName();
        int cut = name.lastIndexOf(" (");
        return new FoundMaster(cut > 0 ? name.substring(0, cut) : name, JoinUrl.baseUrl(host, info.getPort()), deviceId);
    }

    /** The instance name carries the device id so two teams of the same name stay apart. */
    static String instanceName(String teamName, String deviceId) {
        String clean = teamName.replaceAll("[^\\p{L}\\p{N} _-]", "").strip();
        return (clean.isEmpty() ? "Lankit" : clean) + " (" + deviceId + ")";
    }

    static InetAddress require(InetAddress address) throws IOException {
        if (address == null) throw new IOException("no network address to announce on");
        return address;
    }
}
