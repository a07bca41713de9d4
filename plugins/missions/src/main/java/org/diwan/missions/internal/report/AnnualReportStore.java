package org.diwan.missions.internal.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.reference.Countries;
import org.diwan.api.reference.Region;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.Transactions;
import org.diwan.missions.internal.correspondence.Classification;

/** Annual reports, and the year's correspondence gathered by region and topic for them. */
public final class AnnualReportStore {

    /** Events listed per region and topic; the counts cover everything. */
    static final int EVENTS_PER_TOPIC = 8;

    private final DataSource dataSource;
    private final Countries countries;
    private final Clock clock;

    public AnnualReportStore(DataSource dataSource, Countries countries, Clock clock) {
        this.dataSource = dataSource;
        this.countries = countries;
        this.clock = clock;
    }

    public YearInReview review(int year) throws SQLException {
        Map<Region, Map<Classification, YearInReview.Topic>> byRegion = new EnumMap<>(Region.class);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT c.document_date, c.country, m.code,"
                + " c.classification, c.subject, c.summary FROM correspondence c JOIN mission m ON m.id = c.mission_id"
                + " WHERE c.document_date >= ? AND c.document_date <= ? ORDER BY c.document_date DESC, c.id")) {
            s.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
            s.setDate(2, Date.valueOf(LocalDate.of(year, 12, 31)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String country = rs.getString(2);
                    Region region = countries.region(country).orElse(Region.ASIA);
                    Classification topic = Classification.valueOf(rs.getString(4));
                    Map<Classification, YearInReview.Topic> topics = byRegion.computeIfAbsent(region, r -> new EnumMap<>(Classification.class));
                    YearInReview.Topic current = topics.getOrDefault(topic, new YearInReview.Topic(0, new ArrayList<>()));
                    if (current.events().size() < EVENTS_PER_TOPIC) {
                        current.events().add(new YearInReview.Event(rs.getDate(1).toLocalDate(), country, rs.getString(3), rs.getString(5),
                                rs.getString(6)));
                    }
                    topics.put(topic, new YearInReview.Topic(current.count() + 1, current.events()));
                }
            }
        }
        return new YearInReview(year, byRegion);
    }

    /** The year's report, made as a draft with the given title the first time it is asked for. */
    public AnnualReport forYear(int year, String title, String actor) throws SQLException {
        return forYear(year, title, actor, ChangeCapture.NONE);
    }

    /** @param made records the making of the draft (its event), in the write's transaction */
    public AnnualReport forYear(int year, String title, String actor, ChangeCapture made) throws SQLException {
        Optional<AnnualReport> report = find(year);
        if (report.isPresent()) {
            return report.get();
        }
        Timestamp now = Timestamp.from(clock.instant());
        String id = UUID.randomUUID().toString();
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO annual_report (id, report_year, title, status, version, created_at,"
                        + " created_by, updated_at, updated_by) VALUES (?, ?, ?, 'DRAFT', 1, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setInt(2, year);
                    s.setString(3, title);
                    s.setTimestamp(4, now);
                    s.setString(5, actor);
                    s.setTimestamp(6, now);
                    s.setString(7, actor);
                    s.executeUpdate();
                }
                made.changed(c, id);
                return null;
            });
        } catch (SQLIntegrityConstraintViolationException madeMeanwhile) {
            // made by another request in between: that one is the year's
        }
        return find(year).orElseThrow();
    }

    /** The years with a report, latest first. */
    public List<Integer> years() throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT report_year FROM annual_report ORDER BY report_year DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                years.add(rs.getInt(1));
            }
        }
        return years;
    }

    public Optional<AnnualReport> find(int year) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, title, observations, proposals, status,"
                + " issued_at, issued_by, html_document, pdf_document, version, updated_by, updated_at FROM annual_report WHERE report_year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp issued = rs.getTimestamp(6);
                return Optional.of(new AnnualReport(rs.getString(1), year, rs.getString(2), rs.getString(3), rs.getString(4),
                        "ISSUED".equals(rs.getString(5)), issued == null ? null : issued.toInstant(), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getInt(10), rs.getString(11), rs.getTimestamp(12).toInstant()));
            }
        }
    }

    public void saveDraft(AnnualReport report, int version, String title, String observations, String proposals, String actor)
            throws SQLException, StaleEditException {
        saveDraft(report, version, title, observations, proposals, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction */
    public void saveDraft(AnnualReport report, int version, String title, String observations, String proposals, String actor,
            ChangeCapture audited) throws SQLException, StaleEditException {
        int updated = Transactions.updateAndCapture(dataSource, report.id(), audited, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE annual_report SET title = ?,"
                    + " observations = ?, proposals = ?, version = version + 1, updated_at = ?, updated_by = ?"
                    + " WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
                s.setString(1, title);
                s.setString(2, observations);
                s.setString(3, proposals);
                s.setTimestamp(4, Timestamp.from(clock.instant()));
                s.setString(5, actor);
                s.setString(6, report.id());
                s.setInt(7, version);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw stale(report);
        }
    }

    public void markIssued(AnnualReport report, int version, String htmlDocument, String pdfDocument, String actor)
            throws SQLException, StaleEditException {
        markIssued(report, version, htmlDocument, pdfDocument, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction */
    public void markIssued(AnnualReport report, int version, String htmlDocument, String pdfDocument, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = Transactions.updateAndCapture(dataSource, report.id(), audited, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE annual_report SET status = 'ISSUED',"
                    + " issued_at = ?, issued_by = ?, html_document = ?, pdf_document = ?, version = version + 1, updated_at = ?, updated_by = ?"
                    + " WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
                s.setTimestamp(1, now);
                s.setString(2, actor);
                s.setString(3, htmlDocument);
                s.setString(4, pdfDocument);
                s.setTimestamp(5, now);
                s.setString(6, actor);
                s.setString(7, report.id());
                s.setInt(8, version);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw stale(report);
        }
    }

    /** The refusal of a write made from an old version (or to an issued report), carrying the report as it is now. */
    private StaleEditException stale(AnnualReport report) throws SQLException {
        AnnualReport now = find(report.year()).orElseThrow(() -> new SQLException("annual report " + report.year() + " is gone"));
        return new StaleEditException(report.id(), now.version(), now);
    }
}
