package org.openvmi.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.openvmi.rules.internal.RunStore;
import org.openvmi.shared.ConflictException;
import org.openvmi.shared.CurrentUser;
import org.openvmi.shared.FieldErrors;
import org.openvmi.shared.NotFoundException;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clearance tasks (清理任务) that stale-stock rules open: listed, closed once with an outcome. */
@Service
public class ClearanceTasks {

    public static final java.util.List<String> STATUSES = java.util.Arrays.stream(ClearanceStatus.values())
            .map(ClearanceStatus::name)
            .toList();

    private final RunStore store;
    private final Clock clock;

    ClearanceTasks(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<ClearanceTaskView> find(String status, String warehouse, PageRequest page) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw org.openvmi.shared.InvalidInputException.of("status", "must be OPEN or DONE");
        }
        String w = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        return new PageResult<>(
                store.tasks(s, w, LocalDate.now(clock), (int) page.offset(), page.size()),
                page.page(),
                page.size(),
                store.countTasks(s, w));
    }

    @Transactional(readOnly = true)
    public ClearanceTaskView get(long id) {
        return store.task(id, LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("Clearance task", id));
    }

    /** Closes an OPEN task with its outcome; a task closed already is 409. */
    @Transactional
    public ClearanceTaskView close(long id, ClearanceOutcome request) {
        get(id);
        FieldErrors errors = new FieldErrors();
        String outcome = request == null || request.outcome() == null
                ? null
                : request.outcome().trim().toUpperCase(java.util.Locale.ROOT);
        if (outcome == null
                || Arrays.stream(ClearanceOutcome.Outcome.values())
                        .noneMatch(o -> o.name().equals(outcome))) {
            errors.add(
                    "outcome",
                    org.openvmi.shared.CodedRefusal.of(
                            "rules.outcome", "is required: SOLD, TRANSFERRED, RETURNED, SCRAPPED or KEPT"));
        }
        String note = request == null ? null : request.note();
        if (note != null && note.length() > 500) {
            errors.add("note", org.openvmi.shared.CodedRefusal.of("rules.tooLong", "at most 500 characters", 500));
        }
        errors.throwIfAny();
        if (!store.close(
                id,
                outcome,
                note == null || note.isBlank() ? null : note.trim(),
                CurrentUser.name(),
                clock.instant())) {
            throw new ConflictException("status", "the task is closed already");
        }
        return get(id);
    }
}
