package org.openvmi.inventory;

import static org.openvmi.inventory.internal.DocumentTransactions.refuse;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.inventory.internal.BalanceRepository;
import org.openvmi.inventory.internal.DocumentIdempotency;
import org.openvmi.inventory.internal.DocumentRefs;
import org.openvmi.inventory.internal.DocumentTransactions;
import org.openvmi.inventory.internal.ReservationRepository;
import org.openvmi.inventory.internal.StaleDocumentException;
import org.openvmi.inventory.model.DocumentRules;
import org.openvmi.inventory.model.Reservation;
import org.openvmi.inventory.model.ReservationStatus;
import org.openvmi.shared.AllowedValues;
import org.openvmi.shared.CodedRefusal;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.InvalidInputException;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations of available stock (on hand − reserved). Reserving is one conditional update of the balance, so
 * concurrent reservations never promise more than is there, and the ledger then refuses issues that would eat
 * reserved stock. Reservations with an expiry are released by {@link ReservationExpiryJob} once it passes.
 */
@Service
public class Reservations {

    private static final int EXPIRY_BATCH = 200;

    private final ReservationRepository reservations;
    private final BalanceRepository balances;
    private final DocumentRefs refs;
    private final DocumentTransactions transactions;
    private final DocumentIdempotency idempotency;
    private final Clock clock;
    private final Validator validator;
    private final ApplicationEventPublisher events;

    Reservations(
            ReservationRepository reservations,
            BalanceRepository balances,
            DocumentRefs refs,
            DocumentTransactions transactions,
            DocumentIdempotency idempotency,
            Clock clock,
            Validator validator,
            ApplicationEventPublisher events) {
        this.validator = validator;
        this.events = events;
        this.reservations = reservations;
        this.balances = balances;
        this.refs = refs;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Reserves; a retry with the same idempotency key and body gets the first answer and reserves nothing again. */
    public ReservationView reserve(ReservationRequest r, String idempotencyKey) {
        RequestValidation.check(validator, r);
        if (r == null) {
            throw InvalidInputException.of("body", CodedRefusal.required());
        }
        FieldErrors errors = new FieldErrors();
        if (r.location() == null || r.location().isBlank()) {
            errors.add("location", CodedRefusal.required());
        }
        DocumentRefs.ResolvedKey key = refs.keys(
                        List.of(new DocumentRefs.KeyInput(r.item(), r.location(), r.owner(), r.lot())),
                        null,
                        null,
                        errors)
                .get(0);
        BigDecimal qty = DocumentRules.positive("qty", r.qty(), errors);
        if (r.dueOn() != null && r.dueOn().isBefore(LocalDate.now(clock))) {
            errors.add("dueOn", "must be today or later");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        refuse(Reservation.location(key.location().code(), key.inTransit()));
        refuse(Reservation.expiry(r.expiresAt(), now));
        return transactions.run(() ->
                idempotency.once(idempotencyKey, "POST /reservations", r, ReservationView.class, () -> {
                    Long balanceId = balances.idOf(key.key()).orElse(null);
                    if (balanceId == null || !balances.reserve(balanceId, qty, now)) {
                        BigDecimal available = balanceId == null ? BigDecimal.ZERO : balances.available(balanceId);
                        throw new ConflictException(
                                "qty",
                                "Insufficient stock of item '" + key.item().code() + "' at location '"
                                        + key.location().code() + "', owner '"
                                        + key.key().owner() + "'"
                                        + (key.key().lot().isEmpty()
                                                ? ""
                                                : ", lot '" + key.key().lot() + "'") + ": available "
                                        + Decimals.plain(available.max(BigDecimal.ZERO))
                                                .toPlainString() + ", requested "
                                        + Decimals.plain(qty).toPlainString());
                    }
                    long id = reservations.insert(
                            balanceId,
                            key.key(),
                            qty,
                            DocumentRules.text(r.reference(), 100),
                            r.expiresAt(),
                            r.dueOn(),
                            CurrentUser.name(),
                            now);
                    return view(id);
                }));
    }

    /**
     * One reservation of {@link #reserveAll}: a row of {@link FreeStock} (its balance and location), the item's code
     * (for the refusal's text) and a quantity.
     */
    public record Hold(FreeStock row, String itemCode, BigDecimal qty) {}

    /**
     * Reserves own stock on balance rows the caller has just read ({@link StockQueries#freeStock}), in the caller's
     * transaction: no code lookups, no idempotency key, no read-back; one JDBC batch for the balances and one for the
     * reservations, however many holds (a channel order, ADR 0090). The same conditional update as {@link #reserve}
     * guards every row, so no unit is reserved twice; a row that no longer has the quantity is a 409 naming the item
     * and location, and the caller's transaction rolls back. Returns the reservations' ids in list order.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public long[] reserveAll(List<Hold> holds, String reference) {
        if (holds.isEmpty()) {
            return new long[0];
        }
        int n = holds.size();
        long[] balanceIds = new long[n];
        BigDecimal[] qty = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Hold h = holds.get(i);
            if (h.qty() == null || h.qty().signum() <= 0 || h.row().balanceId() <= 0) {
                throw new IllegalArgumentException("a hold needs a balance row and a positive quantity: " + h);
            }
            balanceIds[i] = h.row().balanceId();
            qty[i] = h.qty();
        }
        Instant now = clock.instant();
        boolean[] applied = balances.reserveAll(balanceIds, qty, now);
        for (int i = 0; i < n; i++) {
            if (!applied[i]) {
                FreeStock row = holds.get(i).row();
                throw new ConflictException(
                        "qty",
                        "Insufficient stock of item '" + holds.get(i).itemCode() + "' at location '" + row.location()
                                + "'"
                                + (row.lot() == null || row.lot().isEmpty() ? "" : ", lot '" + row.lot() + "'")
                                + ": the free stock moved; requested "
                                + Decimals.plain(qty[i]).toPlainString());
            }
        }
        List<ReservationRepository.NewHold> rows = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FreeStock row = holds.get(i).row();
            rows.add(new ReservationRepository.NewHold(
                    row.balanceId(),
                    new org.openvmi.inventory.model.StockKey(
                            row.itemId(),
                            row.locationId(),
                            org.openvmi.inventory.model.StockKey.OWN,
                            row.lot() == null ? "" : row.lot()),
                    qty[i]));
        }
        return reservations.insertAll(rows, DocumentRules.text(reference, 100), CurrentUser.name(), now);
    }

    public ReservationView release(long id) {
        return transactions.run(() -> {
            ReservationRepository.Loaded loaded =
                    reservations.load(id).orElseThrow(() -> new NotFoundException("Reservation", id));
            refuse(loaded.reservation().release());
            end(loaded, CurrentUser.name());
            return view(id);
        });
    }

    /** Releases every reservation whose expiry has passed by the clock; returns how many. Safe on several instances. */
    public int expireDue() {
        int expired = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = reservations.due(now, EXPIRY_BATCH);
            for (long id : due) {
                expired += transactions.run(() -> reservations
                                .load(id)
                                .filter(l -> l.reservation().expire(now).isEmpty())
                                .map(l -> end(l, "system"))
                                .orElse(false))
                        ? 1
                        : 0;
            }
        } while (due.size() == EXPIRY_BATCH);
        return expired;
    }

    private boolean end(ReservationRepository.Loaded loaded, String user) {
        Reservation r = loaded.reservation();
        if (!reservations.finish(r, user, clock.instant())) {
            if (r.status() == ReservationStatus.EXPIRED) {
                return false; // released by someone else meanwhile: nothing left to expire
            }
            throw new StaleDocumentException("Reservation", r.id());
        }
        balances.release(loaded.balanceId(), r.qty(), clock.instant());
        events.publishEvent(new ReservationEnded(r.id(), r.status().name(), user));
        return true;
    }

    @Transactional(readOnly = true)
    public ReservationView get(long id) {
        return view(id);
    }

    @Transactional(readOnly = true)
    public PageResult<ReservationView> find(String status, String item, String location, PageRequest page) {
        String s = AllowedValues.code("status", status, ReservationStatus.class);
        return reservations.find(s, item, location, page);
    }

    private ReservationView view(long id) {
        return reservations.view(id).orElseThrow(() -> new NotFoundException("Reservation", id));
    }
}
