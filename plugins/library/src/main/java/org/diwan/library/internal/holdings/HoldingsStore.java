package org.diwan.library.internal.holdings;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** The tables of copies and loans. Every change is conditional on what the caller read, so two desks never both win. */
public final class HoldingsStore {

    private static final String ITEM = "id, record_id, barcode, call_number, location, status, note, version, updated_at, updated_by";
    private static final String LOAN = "id, item_id, record_id, borrower, lent_at, lent_by, due_on, renewals, returned_at, version";

    private final DataSource dataSource;

    public HoldingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A record's copies, withdrawn ones included, by barcode. */
    public List<Item> items(String recordId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return items(c, "SELECT " + ITEM + " FROM item WHERE record_id = ? ORDER BY barcode", recordId);
        }
    }

    public Optional<Item> item(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return item(c, id);
        }
    }

    public Optional<Item> item(Connection c, String id) throws SQLException {
        return items(c, "SELECT " + ITEM + " FROM item WHERE id = ?", id).stream().findFirst();
    }

    public Optional<Item> byBarcode(Connection c, String barcode) throws SQLException {
        return items(c, "SELECT " + ITEM + " FROM item WHERE barcode = ?", barcode).stream().findFirst();
    }

    public Optional<Item> byBarcode(String barcode) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return byBarcode(c, barcode);
        }
    }

    /**
     * Copies for the API's list, by barcode: those whose barcode starts with {@code barcodeStart} (null for any), of
     * one record (null for any), of restricted records only when {@code restricted}.
     */
    public List<Item> page(String barcodeStart, String recordId, boolean restricted, int offset, int limit) throws SQLException {
        List<String> args = new ArrayList<>();
        String where = where(barcodeStart, recordId, restricted, args);
        try (Connection c = dataSource.getConnection()) {
            return items(c, "SELECT " + ITEM.replaceAll("(^|, )", "$1i.") + " FROM item i JOIN catalogue_record r ON r.id = i.record_id" + where
                    + " ORDER BY i.barcode OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY", args.toArray(String[]::new));
        }
    }

    public int count(String barcodeStart, String recordId, boolean restricted) throws SQLException {
        List<String> args = new ArrayList<>();
        String where = where(barcodeStart, recordId, restricted, args);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM item i JOIN catalogue_record r ON r.id = i.record_id" + where)) {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static String where(String barcodeStart, String recordId, boolean restricted, List<String> args) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (barcodeStart != null && !barcodeStart.isEmpty()) {
            // a barcode has no LIKE wildcards (letters, digits, dashes): anything else matches nothing
            sql.append(" AND i.barcode LIKE ?");
            args.add(barcodeStart.matches("[A-Z0-9-]*") ? barcodeStart + "%" : "\u0000");
        }
        if (recordId != null && !recordId.isEmpty()) {
            sql.append(" AND i.record_id = ?");
            args.add(recordId);
        }
        if (!restricted) {
            sql.append(" AND r.access_level <> 'RESTRICTED'");
        }
        return sql.toString();
    }

    public void insertItem(Connection c, Item item, String actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO item (" + ITEM
                + ", created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
            s.setString(1, item.id());
            s.setString(2, item.recordId());
            s.setString(3, item.barcode());
            s.setString(4, item.callNumber());
            s.setString(5, item.location());
            s.setString(6, item.status().name());
            s.setString(7, item.note());
            s.setTimestamp(8, Timestamp.from(at));
            s.setString(9, actor);
            s.setTimestamp(10, Timestamp.from(at));
            s.setString(11, actor);
            s.executeUpdate();
        }
    }

    /** Saves a cataloguer's edit made from {@code version}; false when someone (a desk included) changed the copy since. */
    public boolean updateItem(Connection c, Item item, int version, String actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE item SET barcode = ?, call_number = ?, location = ?, status = ?, note = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            s.setString(1, item.barcode());
            s.setString(2, item.callNumber());
            s.setString(3, item.location());
            s.setString(4, item.status().name());
            s.setString(5, item.note());
            s.setTimestamp(6, Timestamp.from(at));
            s.setString(7, actor);
            s.setString(8, item.id());
            s.setInt(9, version);
            return s.executeUpdate() == 1;
        }
    }

    /** Moves a copy from the status read at {@code version} to {@code to}; false when another desk moved it first. */
    public boolean moveItem(Connection c, Item item, ItemStatus to, String actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE item SET status = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND version = ? AND status = ?")) {
            s.setString(1, to.name());
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, actor);
            s.setString(4, item.id());
            s.setInt(5, item.version());
            s.setString(6, item.status().name());
            return s.executeUpdate() == 1;
        }
    }

    public void insertLoan(Connection c, Loan loan) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO loan (" + LOAN + ", open_item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?)")) {
            s.setString(1, loan.id());
            s.setString(2, loan.itemId());
            s.setString(3, loan.recordId());
            s.setString(4, loan.borrower());
            s.setTimestamp(5, Timestamp.from(loan.lentAt()));
            s.setString(6, loan.lentBy());
            s.setDate(7, Date.valueOf(loan.dueOn()));
            s.setInt(8, loan.renewals());
            s.setString(9, loan.itemId());
            s.executeUpdate();
        }
    }

    /** Closes an open loan read at its version; false when it was returned or renewed since. */
    public boolean closeLoan(Connection c, Loan loan, String actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE loan SET returned_at = ?, returned_by = ?, open_item = NULL, version = version + 1"
                + " WHERE id = ? AND version = ? AND returned_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, actor);
            s.setString(3, loan.id());
            s.setInt(4, loan.version());
            return s.executeUpdate() == 1;
        }
    }

    /** A renewal of the loan read at its version: the new due date, one renewal more. */
    public boolean renewLoan(Connection c, Loan loan, LocalDate due) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE loan SET due_on = ?, renewals = renewals + 1, version = version + 1"
                + " WHERE id = ? AND version = ? AND returned_at IS NULL")) {
            s.setDate(1, Date.valueOf(due));
            s.setString(2, loan.id());
            s.setInt(3, loan.version());
            return s.executeUpdate() == 1;
        }
    }

    public Optional<Loan> loan(Connection c, String id) throws SQLException {
        return loans(c, "SELECT " + LOAN + " FROM loan WHERE id = ?", id).stream().findFirst();
    }

    public Optional<Loan> openLoanOf(Connection c, String itemId) throws SQLException {
        return loans(c, "SELECT " + LOAN + " FROM loan WHERE open_item = ?", itemId).stream().findFirst();
    }

    public List<Loan> openLoansOf(String borrower) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return loans(c, "SELECT " + LOAN + " FROM loan WHERE borrower = ? AND returned_at IS NULL ORDER BY due_on", borrower);
        }
    }

    public List<Loan> openLoansOfRecord(Connection c, String recordId) throws SQLException {
        return loans(c, "SELECT " + LOAN + " FROM loan WHERE record_id = ? AND returned_at IS NULL ORDER BY due_on", recordId);
    }

    public List<Loan> openLoansOfRecord(String recordId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return openLoansOfRecord(c, recordId);
        }
    }

    /** Open loans due before {@code day}, oldest due first: the desk's list and the overdue run. */
    public List<Loan> openLoansDueBefore(LocalDate day, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + LOAN
                + " FROM loan WHERE returned_at IS NULL AND due_on < ? ORDER BY due_on, id FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setDate(1, Date.valueOf(day));
            return loans(s);
        }
    }

    /** The overdue steps already notified for a loan. */
    public List<Integer> noticesSent(Connection c, String loanId) throws SQLException {
        List<Integer> steps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT step FROM loan_notice WHERE loan_id = ?")) {
            s.setString(1, loanId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    steps.add(r.getInt(1));
                }
            }
        }
        return steps;
    }

    /** Writes that a step was notified; its primary key refuses a second row for the same loan and step. */
    public void noticeSent(Connection c, String loanId, int step, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO loan_notice (loan_id, step, sent_at) VALUES (?, ?, ?)")) {
            s.setString(1, loanId);
            s.setInt(2, step);
            s.setTimestamp(3, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static List<Item> items(Connection c, String sql, String... args) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.add(new Item(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            ItemStatus.valueOf(r.getString(6)), r.getString(7), r.getInt(8), r.getTimestamp(9).toInstant(), r.getString(10)));
                }
            }
        }
        return items;
    }

    private static List<Loan> loans(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            return loans(s);
        }
    }

    private static List<Loan> loans(PreparedStatement s) throws SQLException {
        List<Loan> loans = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Timestamp returned = r.getTimestamp(9);
                loans.add(new Loan(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getTimestamp(5).toInstant(), r.getString(6),
                        r.getDate(7).toLocalDate(), r.getInt(8), returned == null ? null : returned.toInstant(), r.getInt(10)));
            }
        }
        return loans;
    }
}
