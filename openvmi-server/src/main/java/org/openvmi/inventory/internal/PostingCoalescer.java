package org.openvmi.inventory.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.openvmi.inventory.MovementRequest;
import org.openvmi.inventory.PostingResult;
import org.openvmi.shared.BusinessRuleException;
import org.openvmi.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mode {@code coalesce} of the key gate (ADR 0098): postings of one stock key that arrive while another posting of that
 * key is in the database run together, several in one transaction, so a hot key pays one row-lock hand-over and one
 * commit (its WAL flush) per group instead of per posting.
 *
 * <p>The postings of a key queue in a lane. The first to find its lane idle leads: it takes the queued postings of the
 * head's key (up to {@code openvmi.inventory.key-gate-batch}) and runs them in one transaction, each as it would have
 * run alone (its replay, its posting row, movements, stored answer, balance change and events), in its caller's security
 * and locale context; then it hands the lane to the next waiting posting. The waiters hold no connection, no
 * transaction and no row lock.
 *
 * <p>Each posting keeps its own answer. One that fails before it writes (a reused idempotency key, an unknown code) gets
 * that failure. One whose writes fail (refused for stock, a duplicate key, a deadlock) rolls the group back: it is then
 * posted again on its own, in its caller's thread, exactly as without coalescing (retries, its own refusal), and the rest
 * of the group is tried again without it. Answers are given only after the group committed, so nobody hears of a
 * posting that was rolled back. A group's refusals are not reported as refused demand: only the posting's own try
 * decides that.
 */
@Component
public class PostingCoalescer {

    private final KeyGate gate;
    private final PostingEngine engine;
    private final LineResolver resolver;
    private final TransactionTemplate transactions;
    private final Lane[] lanes;
    private final int maxGroup;
    private final LongAdder groups = new LongAdder();
    private final LongAdder grouped = new LongAdder();

    PostingCoalescer(
            KeyGate gate,
            PostingEngine engine,
            LineResolver resolver,
            PlatformTransactionManager transactionManager,
            @Value("${openvmi.inventory.key-gate-stripes:4096}") int stripes,
            @Value("${openvmi.inventory.key-gate-batch:32}") int maxGroup) {
        this.gate = gate;
        this.engine = engine;
        this.resolver = resolver;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lanes = new Lane[Math.max(1, stripes)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
        this.maxGroup = Math.max(1, maxGroup);
    }

    /**
     * Posts the lines with the other postings of their stock key when the gate coalesces and they name one key; else,
     * and whenever the posting must go on its own, through {@code alone} (its own transaction, with retries).
     */
    public PostingResult post(
            List<MovementRequest> lines, String idempotencyKey, String requestHash, Supplier<PostingResult> alone) {
        String key = gate.coalescingKey(lines);
        if (key == null) {
            return alone.get();
        }
        Member own = new Member(key, lines, idempotencyKey, requestHash);
        Lane lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
        if (lane.join(own) || own.awaitTurn(lane, gate.waitNanos())) {
            lead(lane, own, alone);
        }
        return own.answer(alone);
    }

    /** Transactions run for groups of two or more postings, and the postings they held (since the start). */
    public Stats stats() {
        return new Stats(groups.sum(), grouped.sum());
    }

    /** Groups: transactions that posted two or more postings together; grouped: the postings in them. */
    public record Stats(long groups, long postings) {}

    /** Runs the lane's groups until the leader's own posting is answered, then hands the lane to the next waiter. */
    private void lead(Lane lane, Member own, Supplier<PostingResult> alone) {
        boolean handedOver = false;
        try {
            while (!own.settled()) {
                List<Member> group = lane.take(maxGroup);
                if (group.isEmpty()) {
                    own.settleAlone(); // not queued any more: cannot happen, but never wait for nothing
                } else if (group.size() == 1 && group.get(0) == own) {
                    // nobody to share with: the posting as it runs on its own, with the lane held
                    own.settleWith(alone);
                } else {
                    List<Runnable> answers = runGroup(group);
                    if (group.contains(own)) {
                        // the next group starts before this one's callers are woken: they compete for the cores
                        lane.handOver();
                        handedOver = true;
                    }
                    answers.forEach(Runnable::run);
                }
            }
        } finally {
            if (!handedOver) {
                lane.handOver();
            }
        }
    }

    /**
     * Runs the group in one transaction; a posting whose writes fail leaves it and is posted on its own. Returns the
     * answers of the committed postings, to be given once the lane is handed on.
     */
    private List<Runnable> runGroup(List<Member> group) {
        List<Member> left = new ArrayList<>(group);
        List<Runnable> answers = new ArrayList<>(group.size());
        try {
            while (!left.isEmpty()) {
                int[] current = {-1};
                try {
                    List<Outcome> outcomes = transactions.execute(status -> {
                        List<Outcome> out = new ArrayList<>(left.size());
                        for (int i = 0; i < left.size(); i++) {
                            current[0] = i;
                            out.add(tryWithin(left.get(i)));
                        }
                        current[0] = -1;
                        return out;
                    });
                    if (left.size() > 1) {
                        groups.increment();
                        grouped.add(left.size());
                    }
                    for (int i = 0; i < left.size(); i++) {
                        Member m = left.get(i);
                        Outcome o = outcomes.get(i);
                        answers.add(() -> m.settle(o));
                    }
                    left.clear();
                } catch (RuntimeException e) {
                    if (current[0] < 0) {
                        // the commit itself failed: whether it took effect is not known, so nobody posts again (a
                        // posting alone would answer the same failure); a retry with the idempotency key is safe
                        left.forEach(m -> m.settle(new Outcome(null, e)));
                        left.clear();
                    } else {
                        left.remove(current[0]).settleAlone();
                    }
                }
            }
        } finally {
            left.forEach(Member::settleAlone);
        }
        return answers;
    }

    /**
     * One posting's part of its group's transaction, in the leader's thread as if in its caller's (security and locale
     * context); what fails before writing is its answer.
     */
    private Outcome tryWithin(Member m) {
        SecurityContext leaderSecurity = SecurityContextHolder.getContext();
        LocaleContext leaderLocale = LocaleContextHolder.getLocaleContext();
        SecurityContextHolder.setContext(m.security);
        LocaleContextHolder.setLocaleContext(m.locale);
        try {
            return tryAsCaller(m);
        } finally {
            SecurityContextHolder.setContext(leaderSecurity);
            LocaleContextHolder.setLocaleContext(leaderLocale);
        }
    }

    private Outcome tryAsCaller(Member m) {
        Optional<PostingResult> replayed;
        List<LineResolver.Resolved> resolved;
        try {
            replayed = engine.replay(m.idempotencyKey, m.requestHash);
            resolved = replayed.isPresent() ? null : resolver.fromCodes(m.lines);
        } catch (InvalidInputException | BusinessRuleException e) {
            return new Outcome(null, e);
        }
        if (replayed.isPresent()) {
            return new Outcome(replayed.get(), null);
        }
        return new Outcome(engine.apply(resolved, m.idempotencyKey, m.requestHash, false), null);
    }

    private record Outcome(PostingResult result, RuntimeException failure) {}

    private enum State {
        QUEUED,
        LEADING,
        TAKEN,
        DONE,
        ALONE
    }

    /** One caller's posting, from its arrival to its answer; its state is guarded by its own monitor. */
    private static final class Member {
        final String key;
        final List<MovementRequest> lines;
        final String idempotencyKey;
        final String requestHash;
        final SecurityContext security = SecurityContextHolder.getContext();
        final LocaleContext locale = LocaleContextHolder.getLocaleContext();
        private State state = State.QUEUED;
        private Outcome outcome;
        private boolean interrupted;

        Member(String key, List<MovementRequest> lines, String idempotencyKey, String requestHash) {
            this.key = key;
            this.lines = lines;
            this.idempotencyKey = idempotencyKey;
            this.requestHash = requestHash;
        }

        /**
         * Waits until the posting is answered or its caller is to lead (true); after {@code waitNanos} still queued, it
         * leaves the queue and goes on its own, as a posting past the gate's bound does (ADR 0092).
         */
        boolean awaitTurn(Lane lane, long waitNanos) {
            long deadline = System.nanoTime() + waitNanos;
            synchronized (this) {
                while (state == State.QUEUED || state == State.TAKEN) {
                    long left = deadline - System.nanoTime();
                    if (state == State.QUEUED && left <= 0) {
                        break;
                    }
                    waitFor(state == State.TAKEN ? 0 : left);
                }
                if (state != State.QUEUED) {
                    return state == State.LEADING;
                }
            }
            // past the bound: leave the queue unless a leader took it (or handed it the lane) meanwhile
            if (lane.leave(this)) {
                return false;
            }
            synchronized (this) {
                while (state == State.TAKEN || state == State.QUEUED) {
                    waitFor(0);
                }
                return state == State.LEADING;
            }
        }

        private void waitFor(long nanos) {
            try {
                if (nanos > 0) {
                    wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
                } else {
                    wait();
                }
            } catch (InterruptedException e) {
                // a waiter is never left without its answer (the leader settles it either way); the interrupt is
                // kept for its caller, once answered
                interrupted = true;
            }
        }

        synchronized void lead() {
            state = State.LEADING;
            notifyAll();
        }

        synchronized void taken() {
            state = State.TAKEN;
        }

        synchronized boolean settled() {
            return state == State.DONE || state == State.ALONE;
        }

        synchronized void settle(Outcome outcome) {
            this.outcome = outcome;
            state = State.DONE;
            notifyAll();
        }

        synchronized void settleAlone() {
            if (state != State.DONE) {
                state = State.ALONE;
                notifyAll();
            }
        }

        void settleWith(Supplier<PostingResult> alone) {
            try {
                settle(new Outcome(alone.get(), null));
            } catch (RuntimeException e) {
                settle(new Outcome(null, e));
            }
        }

        /** The answer: the group's, or the posting's own try when it was sent on alone. */
        PostingResult answer(Supplier<PostingResult> alone) {
            Outcome o;
            synchronized (this) {
                while (state != State.DONE && state != State.ALONE) {
                    waitFor(0);
                }
                o = state == State.ALONE ? null : outcome;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (o == null) {
                return alone.get();
            }
            if (o.failure() != null) {
                throw o.failure();
            }
            return o.result();
        }
    }

    /** The queue of postings of the keys of one stripe, and whether someone leads it. */
    private static final class Lane {
        private final ArrayDeque<Member> queue = new ArrayDeque<>();
        private boolean led;

        /** Queues the posting; true when its caller is to lead (nobody did). */
        synchronized boolean join(Member m) {
            queue.add(m);
            if (led) {
                return false;
            }
            led = true;
            m.lead();
            return true;
        }

        /** The queued postings of the head's key, in arrival order, up to max; postings of other keys keep their place. */
        synchronized List<Member> take(int max) {
            List<Member> group = new ArrayList<>();
            Member head = queue.peek();
            if (head == null) {
                return group;
            }
            for (Iterator<Member> it = queue.iterator(); it.hasNext() && group.size() < max; ) {
                Member m = it.next();
                if (m.key.equals(head.key)) {
                    it.remove();
                    m.taken();
                    group.add(m);
                }
            }
            return group;
        }

        /** The lane to the first waiting posting, or idle. */
        synchronized void handOver() {
            Member next = queue.peek();
            if (next == null) {
                led = false;
            } else {
                next.lead();
            }
        }

        /** Takes a waiter that gave up out of the queue; false when a leader took it or handed it the lane first. */
        synchronized boolean leave(Member m) {
            synchronized (m) {
                if (m.state != State.QUEUED) {
                    return false;
                }
                queue.remove(m);
                m.state = State.ALONE;
                return true;
            }
        }
    }
}
