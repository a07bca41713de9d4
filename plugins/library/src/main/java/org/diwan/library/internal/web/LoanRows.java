package org.diwan.library.internal.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.holdings.Circulation;
import org.diwan.library.internal.holdings.Item;
import org.diwan.library.internal.holdings.Loan;
import org.diwan.library.internal.holdings.Reservation;

/** Loans and reservations as the desk and "my loans" list them, in the visitor's language and digits. */
final class LoanRows {

    private final Catalogue catalogue;
    private final Circulation circulation;

    LoanRows(Catalogue catalogue, Circulation circulation) {
        this.catalogue = catalogue;
        this.circulation = circulation;
    }

    List<Map<String, Object>> loans(List<Loan> loans, PageRequest page, boolean borrower) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Loan loan : loans) {
            Map<String, Object> row = record(loan.recordId(), page);
            row.put("id", loan.id());
            row.put("barcode", circulation.item(loan.itemId()).map(Item::barcode).orElse(""));
            row.put("due", page.date(loan.dueOn()));
            row.put("overdue", loan.overdueOn(circulation.today()));
            row.put("renewals", page.number(loan.renewals()));
            row.put("borrower", borrower ? loan.borrower() : null);
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> reservations(List<Reservation> reservations, PageRequest page) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Reservation r : reservations) {
            Map<String, Object> row = record(r.recordId(), page);
            row.put("id", r.id());
            row.put("status", r.status().name());
            row.put("barcode", r.itemId() == null ? "" : circulation.item(r.itemId()).map(Item::barcode).orElse(""));
            row.put("since", page.day(r.createdAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate()));
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> record(String recordId, PageRequest page) throws SQLException {
        Map<String, Object> row = new HashMap<>();
        Optional<CatalogueRecord> record = catalogue.get(recordId);
        row.put("title", record.map(r -> r.title().in(page.language())).orElse(recordId));
        row.put("href", CatalogueRecords.BASE + "/" + recordId);
        return row;
    }
}
