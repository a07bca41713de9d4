package org.diwan.library.internal.exchange;

/** What an import does with a record that matches a description already in the catalogue. */
public enum OnDuplicate {
    /** Hold it and let the cataloguer choose, record by record, from the report. */
    ASK,
    /** Update the description here from it (what the record does not give is kept). */
    UPDATE,
    /** Leave the description here as it is. */
    SKIP,
    /** Make a new description all the same. */
    NEW
}
