package org.diwan.library.internal.holdings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CirculationTest {

    private static final String DESK = "desk";
    private static final String HERE = "127.0.0.1";

    @TempDir
    Path folder;
    private HoldingsFixture f;
    private CatalogueRecord book;

    @BeforeEach
    void open() throws Exception {
        f = new HoldingsFixture(folder);
        book = f.book("تاريخ الجامعة العربية");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aLoanIsDueAfterTheLoanPeriodInWorkingDaysAndTheRecordShowsIt() throws Exception {
        f.copy(book, "lib-0001");
        f.copy(book, "LIB-0002");
        Loan loan = f.circulation.lend(" lib-0001 ", "hala", null, DESK, HERE);
        assertThat(loan.dueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
        Availability shown = f.items.availability(book.id());
        assertThat(shown.available()).isEqualTo(1);
        assertThat(shown.held()).isEqualTo(2);
        assertThat(shown.nextDue()).isEqualTo(LocalDate.of(2026, 12, 21));
        // integrators hear of the loan, without the borrower's name
        assertThat(f.library.events.waiting()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("loan");
            assertThat(e.body()).contains("LIB-0001").doesNotContain("hala");
        });
    }

    @Test
    void barcodesAreValidatedAndUniqueAndACopyTakesTheRecordsCallNumber() throws Exception {
        Item first = f.copy(book, "LIB-0001");
        assertThat(first.callNumber()).isEqualTo("027.1 ج م");
        Validation v = new Validation();
        assertThat(f.items.add(book, Map.of("barcode", "lib-0001", "location", "stacks"), v, DESK, HERE)).isEmpty();
        assertThat(v.errors().get("barcode").messageKey()).isEqualTo("library.item.barcode-taken");
        Validation bad = new Validation();
        assertThat(f.items.add(book, Map.of("barcode", "A B", "location", "moon"), bad, DESK, HERE)).isEmpty();
        assertThat(bad.errors()).containsKeys("barcode", "location");
        assertThat(f.items.of(book.id())).hasSize(1);
    }

    @Test
    void aLentCopysStatusIsTheDesksAndAnEditFromBeforeTheLoanIsStale() throws Exception {
        Item copy = f.copy(book, "LIB-0001");
        f.circulation.lend("LIB-0001", "hala", null, DESK, HERE);
        Item lent = f.items.get(copy.id()).orElseThrow();
        Validation v = new Validation();
        assertThat(f.items.edit(book, lent, lent.version(), Map.of("barcode", "LIB-0001", "location", "stacks", "status", "WITHDRAWN"), v,
                DESK, HERE)).isEmpty();
        assertThat(v.errors()).containsKey("status");
        assertThatThrownBy(() -> f.items.edit(book, copy, copy.version(), Map.of("barcode", "LIB-0001", "location", "archive"), new Validation(),
                DESK, HERE)).isInstanceOf(StaleEditException.class);
        assertThat(f.items.get(copy.id()).orElseThrow().status()).isEqualTo(ItemStatus.ON_LOAN);
    }

    @Test
    void twoDesksLendingTheLastCopyAtOnceLendItOnceAndTheOtherIsToldWhy() throws Exception {
        f.copy(book, "LIB-0001");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService desks = Executors.newFixedThreadPool(2);
        List<Future<Loan>> tries = new ArrayList<>();
        for (String borrower : List.of("hala", "omar")) {
            Callable<Loan> lend = () -> {
                start.await();
                return f.circulation.lend("LIB-0001", borrower, null, DESK, HERE);
            };
            tries.add(desks.submit(lend));
        }
        start.countDown();
        int lent = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<Loan> attempt : tries) {
            try {
                attempt.get(30, TimeUnit.SECONDS);
                lent++;
            } catch (java.util.concurrent.ExecutionException e) {
                refusals.add(((CirculationRefused) e.getCause()).messageKey());
            }
        }
        desks.shutdown();
        assertThat(lent).isEqualTo(1);
        assertThat(refusals).singleElement().isIn("library.desk.lent-meanwhile", "library.desk.not-available");
        assertThat(f.circulation.loansOf("hala").size() + f.circulation.loansOf("omar").size()).isEqualTo(1);
    }

    @Test
    void aRenewalIsRefusedWhileAnotherReaderWaitsAndAllowedOtherwise() throws Exception {
        f.copy(book, "LIB-0001");
        Loan loan = f.circulation.lend("LIB-0001", "hala", null, DESK, HERE);
        f.clock.days(3);
        Loan renewed = f.circulation.renew(loan.id(), "hala", "hala", HERE);
        assertThat(renewed.dueOn()).isAfter(loan.dueOn());
        assertThat(renewed.renewals()).isEqualTo(1);
        assertThatThrownBy(() -> f.circulation.renew(loan.id(), "omar", "omar", HERE))
                .satisfies(e -> assertThat(((CirculationRefused) e).status()).isEqualTo(404));

        f.circulation.reserve(book.id(), "omar", "omar", HERE);
        assertThatThrownBy(() -> f.circulation.renew(loan.id(), "hala", "hala", HERE))
                .satisfies(e -> assertThat(((CirculationRefused) e).messageKey()).isEqualTo("library.loans.renew-reserved"));
        assertThat(f.circulation.loansOf("hala")).singleElement().extracting(Loan::dueOn).isEqualTo(renewed.dueOn());
    }

    @Test
    void aReturnedCopyGoesOnTheHoldShelfForTheFirstReaderWaitingWhoIsToldAndOnlyTheyMayBorrowIt() throws Exception {
        f.copy(book, "LIB-0001");
        f.circulation.lend("LIB-0001", "hala", null, DESK, HERE);
        assertThatThrownBy(() -> f.circulation.reserve(book.id(), "hala", "hala", HERE))
                .satisfies(e -> assertThat(((CirculationRefused) e).messageKey()).isEqualTo("library.reserve.has-loan"));
        f.circulation.reserve(book.id(), "omar", "omar", HERE);
        f.clock.days(1);
        f.circulation.reserve(book.id(), "rania", "rania", HERE);

        Circulation.Returned back = f.circulation.giveBack("LIB-0001", DESK, HERE);
        assertThat(back.heldFor()).isEqualTo("omar");
        assertThat(f.items.of(book.id())).singleElement().extracting(Item::status).isEqualTo(ItemStatus.ON_HOLD);
        assertThat(f.told).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("omar");
            assertThat(n.messageKey()).isEqualTo("library.notice.on-hold");
            assertThat(n.args()).containsExactly("تاريخ الجامعة العربية", "LIB-0001");
        });
        assertThatThrownBy(() -> f.circulation.lend("LIB-0001", "rania", null, DESK, HERE))
                .satisfies(e -> assertThat(((CirculationRefused) e).messageKey()).isEqualTo("library.desk.held-for-other"));
        f.circulation.lend("LIB-0001", "omar", null, DESK, HERE);
        assertThat(f.circulation.reservationsOf("omar")).isEmpty();
        assertThat(f.circulation.reservationsOf("rania")).singleElement().extracting(Reservation::status)
                .isEqualTo(Reservation.Status.WAITING);
        // a copy back with nobody waiting goes back on the shelf
        f.circulation.cancel(f.circulation.reservationsOf("rania").get(0).id(), "rania", "rania", HERE);
        f.circulation.giveBack("LIB-0001", DESK, HERE);
        assertThat(f.items.of(book.id())).singleElement().extracting(Item::status).isEqualTo(ItemStatus.AVAILABLE);
        assertThatThrownBy(() -> f.circulation.giveBack("LIB-0001", DESK, HERE))
                .satisfies(e -> assertThat(((CirculationRefused) e).messageKey()).isEqualTo("library.desk.not-lent"));
    }

    @Test
    void eachOverdueStepIsNotifiedOnceInTheBorrowersLanguage() throws Exception {
        f.copy(book, "LIB-0001");
        f.copy(book, "LIB-0002");
        f.circulation.lend("LIB-0001", "hala", null, DESK, HERE);
        // the desk's own due date, on a working day before today: overdue already
        Loan late = f.circulation.lend("LIB-0002", "omar", HoldingsFixture.START.minusDays(3), DESK, HERE);
        assertThat(late.dueOn()).isEqualTo(LocalDate.of(2026, 12, 3));

        assertThat(f.overdue.sendNow()).isEqualTo(1);
        assertThat(f.overdue.sendNow()).isZero();
        assertThat(f.told).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("omar");
            assertThat(n.messageKey()).isEqualTo("library.notice.overdue");
            assertThat(n.args()).containsExactly("تاريخ الجامعة العربية", "LIB-0002", "2026-12-03", "3", "1");
            assertThat(n.link()).isEqualTo(Circulation.MY_LOANS);
        });
        f.clock.days(4); // seven days late: the second step, once
        assertThat(f.overdue.sendNow()).isEqualTo(1);
        assertThat(f.overdue.sendNow()).isZero();
        assertThat(f.told).extracting(n -> n.args().get(4)).containsExactly("1", "2");
        f.circulation.giveBack("LIB-0002", DESK, HERE);
        f.clock.days(30);
        // hala's loan, due 21 December, is now late too; omar's, returned, is not
        assertThat(f.overdue.sendNow()).isEqualTo(1);
        assertThat(f.told.get(2).recipient()).isEqualTo("hala");
    }
}
