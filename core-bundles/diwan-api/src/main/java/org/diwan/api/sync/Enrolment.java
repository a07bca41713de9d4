package org.diwan.api.sync;

/**
 * What a mission node needs to reach headquarters, made once by {@link MissionLinks#enrol}: handed to the
 * mission's administrator, then forgotten by headquarters (which keeps only a hash of the secret).
 *
 * @param missionCode    the mission's code, which is also its user name on headquarters' broker
 * @param secret         the mission's password on headquarters' broker: random, shown once
 * @param hqEndpoint     {@code host:port} of headquarters' link, as headquarters knows itself
 * @param hqCertificate  headquarters' TLS certificate (PEM): the only one the mission will trust
 */
public record Enrolment(String missionCode, String secret, String hqEndpoint, String hqCertificate) {

    @Override
    public String toString() {
        // never the secret, should a record end up in a log line
        return "Enrolment[" + missionCode + " -> " + hqEndpoint + "]";
    }
}
