package org.openvmi.rules.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.rules.BacktestRequest;
import org.openvmi.rules.BacktestView;
import org.openvmi.rules.DryRunView;
import org.openvmi.rules.RuleRequest;
import org.openvmi.rules.RuleRunView;
import org.openvmi.rules.RuleVersionView;
import org.openvmi.rules.RuleView;
import org.openvmi.rules.Rules;
import org.openvmi.rules.TemplateView;
import org.openvmi.rules.ValidationRequest;
import org.openvmi.rules.ValidationResult;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rules", description = "IF-THEN rules in CEL over item × warehouse facts (docs/rules.md); buyer side only")
@RestController
@RequestMapping("/api/v1/rules")
class RuleApiController {

    private final Rules rules;

    RuleApiController(Rules rules) {
        this.rules = rules;
    }

    @Operation(operationId = "listRules")
    @GetMapping
    PageResult<RuleView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return rules.find(PageRequest.of(page, size));
    }

    @Operation(
            operationId = "createRule",
            summary = "Create a rule (disabled unless enabled is true)",
            description = "{\"name\":…,\"scope\":{\"items\":[],\"categories\":[],\"warehouses\":[],\"suppliers\":[]},"
                    + "\"trigger\":{\"cron\":\"0 0 6 * * *\"},\"condition\":\"daysSinceLastIssue >= 60\","
                    + "\"actions\":[{\"type\":\"ALERT\",\"severity\":\"WARNING\",\"messageEn\":…,\"messageZh\":…}],"
                    + "\"enabled\":false}. 400 names each bad field; CEL errors carry line and column.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<RuleView> create(@RequestBody RuleRequest request) {
        RuleView created = rules.create(request);
        return ResponseEntity.created(URI.create("/api/v1/rules/" + created.id()))
                .body(created);
    }

    @Operation(
            operationId = "validateRuleExpression",
            summary = "Check a CEL text: ok, or errors with line and column",
            description = "{\"expression\":\"onHand < safety\",\"kind\":\"CONDITION\"} (or QUANTITY for a number)")
    @PostMapping("/validate")
    ValidationResult validate(@RequestBody ValidationRequest request) {
        return rules.validate(request);
    }

    @Operation(
            operationId = "listRuleTemplates",
            summary = "The seed rules to start from, named in the caller's language")
    @GetMapping("/templates")
    List<TemplateView> templates() {
        return rules.templates();
    }

    @Operation(operationId = "getRule")
    @GetMapping("/{id}")
    RuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @Operation(
            operationId = "updateRule",
            summary = "Replace a rule; version, when given, must be the stored one (409)")
    @PutMapping("/{id}")
    RuleView update(@PathVariable long id, @RequestBody RuleRequest request) {
        return rules.update(id, request);
    }

    @Operation(operationId = "deleteRule", summary = "Delete a rule (its versions and run log are kept)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        rules.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "dryRunRule",
            summary = "Evaluate a rule now without acting: which subjects fire, with their values")
    @PostMapping("/{id}/dry-run")
    DryRunView dryRun(@PathVariable long id) {
        return rules.dryRun(id);
    }

    @Operation(
            operationId = "backtestRule",
            summary = "Evaluate a rule once per day over the last N days of history without acting",
            description =
                    "{\"days\":90} (1 to 365; 90 when missing): how often and for which subjects it would have fired, "
                            + "and what its actions would have created. Days are rebuilt from the ledger; reserved, on order, "
                            + "stock lines, cost and source keep today's value (docs/rules.md).")
    @PostMapping("/{id}/backtest")
    BacktestView backtest(@PathVariable long id, @RequestBody(required = false) BacktestRequest request) {
        return rules.backtest(id, request);
    }

    @Operation(operationId = "listRuleRuns", summary = "The run log of a rule, newest first")
    @GetMapping("/{id}/runs")
    PageResult<RuleRunView> runs(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return rules.runs(id, PageRequest.of(page, size));
    }

    @Operation(operationId = "listRuleVersions", summary = "Every change of a rule: who, when, what, newest first")
    @GetMapping("/{id}/versions")
    List<RuleVersionView> versions(@PathVariable long id) {
        return rules.versions(id);
    }
}
