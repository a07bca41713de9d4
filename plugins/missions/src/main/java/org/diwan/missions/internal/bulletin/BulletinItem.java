package org.diwan.missions.internal.bulletin;

import org.diwan.missions.internal.correspondence.Classification;

/**
 * One entry of a bulletin, taken from a piece of correspondence (its subject and summary) and then edited:
 * the bulletin groups items by topic, then by country.
 */
public record BulletinItem(String id, String correspondenceId, Classification classification, String country, int position,
        boolean included, Bulletin.Texts heading, Bulletin.Texts text) {
}
