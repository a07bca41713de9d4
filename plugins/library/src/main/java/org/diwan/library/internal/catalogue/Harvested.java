package org.diwan.library.internal.catalogue;

/** One entry of a harvest: a public record, or the tombstone of one that left the public catalogue. */
public record Harvested(String id, CatalogueRecord record, Tombstone tombstone) {

    public static Harvested live(CatalogueRecord record) {
        return new Harvested(record.id(), record, null);
    }

    public static Harvested gone(Tombstone tombstone) {
        return new Harvested(tombstone.id(), null, tombstone);
    }

    public boolean deleted() {
        return tombstone != null;
    }
}
