package org.openvmi.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.openvmi.notification.GroupRobotCommand;
import org.openvmi.notification.GroupRobotView;
import org.openvmi.notification.GroupRobots;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Group robots",
        description = "WeCom / DingTalk group robots configured apart from users (ADMIN; a supplier user its own "
                + "supplier's only)")
@RestController
@RequestMapping("/api/v1/notifications/robots")
class GroupRobotApiController {

    private static final String BODY =
            "{\"name\",\"kind\":\"WECOM|DINGTALK\",\"address\":\"the robot's webhook address "
                    + "with its key / access_token\",\"secret\":\"DingTalk's signing secret (write-only; absent or blank keeps "
                    + "the stored one)\",\"removeSecret\":\"true removes the stored secret (not with a secret)\",\"warehouse\":\"code or null = all\",\"supplier\":\"code or null = all (a supplier user's: its "
                    + "own)\",\"alerts\":true,\"alertTypes\":[types, empty = all],\"approvals\":false,\"toShip\":false,"
                    + "\"language\":\"zh-CN|en\",\"enabled\":true}";

    private final GroupRobots robots;

    GroupRobotApiController(GroupRobots robots) {
        this.robots = robots;
    }

    @Operation(operationId = "listGroupRobots", summary = "The group robots the caller manages (secrets never shown)")
    @GetMapping
    List<GroupRobotView> list() {
        return robots.list();
    }

    @Operation(operationId = "getGroupRobot", summary = "One group robot")
    @GetMapping("/{id}")
    GroupRobotView get(@PathVariable long id) {
        return robots.get(id);
    }

    @Operation(operationId = "createGroupRobot", summary = "Add a group robot", description = BODY)
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<GroupRobotView> create(@Valid @RequestBody GroupRobotCommand command) {
        GroupRobotView created = robots.create(command);
        return ResponseEntity.created(URI.create("/api/v1/notifications/robots/" + created.id()))
                .body(created);
    }

    @Operation(operationId = "updateGroupRobot", summary = "Change a group robot", description = BODY)
    @PutMapping("/{id}")
    GroupRobotView update(@PathVariable long id, @Valid @RequestBody GroupRobotCommand command) {
        return robots.update(id, command);
    }

    @Operation(operationId = "deleteGroupRobot", summary = "Remove a group robot")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        robots.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "testGroupRobot",
            summary = "Queue a test message to the robot; its outcome shows in lastStatus / lastError and the mail log")
    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<GroupRobotView> test(@PathVariable long id) {
        return ResponseEntity.accepted().body(robots.sendTest(id));
    }
}
