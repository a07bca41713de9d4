package org.diwan.missions.internal.correspondence;

/** Who the mission corresponded with: headquarters, an institution of the host country, an Arab community. */
public enum Counterpart {
    HEADQUARTERS, HOST_INSTITUTION, ARAB_COMMUNITY, OTHER
}
