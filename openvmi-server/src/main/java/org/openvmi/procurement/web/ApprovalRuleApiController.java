package org.openvmi.procurement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.procurement.ApprovalRuleRequest;
import org.openvmi.procurement.ApprovalRuleView;
import org.openvmi.procurement.ApprovalRules;
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

@Tag(name = "Approval rules", description = "Who approves requisitions, by amount, category and warehouse")
@RestController
@RequestMapping("/api/v1/approval-rules")
class ApprovalRuleApiController {

    private final ApprovalRules rules;

    ApprovalRuleApiController(ApprovalRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<ApprovalRuleView> list() {
        return rules.list();
    }

    @GetMapping("/{id}")
    ApprovalRuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApprovalRule")
    @PostMapping
    ResponseEntity<ApprovalRuleView> create(@RequestBody(required = false) ApprovalRuleRequest request) {
        ApprovalRuleView created = rules.create(request);
        return ResponseEntity.created(URI.create("/api/v1/approval-rules/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    ApprovalRuleView update(@PathVariable long id, @RequestBody(required = false) ApprovalRuleRequest request) {
        return rules.update(id, request);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }
}
