package org.diwan.api.search;

/**
 * A record found.
 *
 * @param id    the record's id, as indexed
 * @param score how well it matched (higher is better); comparable within one result only
 */
public record SearchHit(String id, float score) {
}
