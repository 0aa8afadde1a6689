package org.openvmi.rules.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openvmi.rules.ClearanceOutcome;
import org.openvmi.rules.ClearanceTaskView;
import org.openvmi.rules.ClearanceTasks;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Clearance tasks", description = "清理任务: stale stock a rule marked, to clear by a due date")
@RestController
@RequestMapping("/api/v1/clearance-tasks")
class ClearanceTaskApiController {

    private final ClearanceTasks tasks;

    ClearanceTaskApiController(ClearanceTasks tasks) {
        this.tasks = tasks;
    }

    @Operation(
            operationId = "listClearanceTasks",
            summary = "Clearance tasks, open first by due date; status OPEN or DONE")
    @GetMapping
    PageResult<ClearanceTaskView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return tasks.find(status, warehouse, PageRequest.of(page, size));
    }

    @Operation(operationId = "getClearanceTask")
    @GetMapping("/{id}")
    ClearanceTaskView get(@PathVariable long id) {
        return tasks.get(id);
    }

    @Operation(
            operationId = "closeClearanceTask",
            summary = "Close an open task with its outcome",
            description = "{\"outcome\":\"SOLD|TRANSFERRED|RETURNED|SCRAPPED|KEPT\",\"note\":…}; closed already: 409")
    @PostMapping("/{id}/close")
    ClearanceTaskView close(@PathVariable long id, @RequestBody ClearanceOutcome request) {
        return tasks.close(id, request);
    }
}
