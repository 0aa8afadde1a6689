package org.openvmi.stockpolicy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.util.List;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.RequestValidation;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.stockpolicy.StockPolicies;
import org.openvmi.stockpolicy.StockPolicyCommand;
import org.openvmi.stockpolicy.StockPolicyView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stock policies", description = "Safety, warning (reorder) and max lines per item and warehouse")
@RestController
@RequestMapping("/api/v1/stock-policies")
class StockPolicyApiController {

    private final StockPolicies policies;
    private final Validator validator;

    StockPolicyApiController(StockPolicies policies, Validator validator) {
        this.policies = policies;
        this.validator = validator;
    }

    @GetMapping
    PageResult<StockPolicyView> list(
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) PolicyMode mode,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return policies.find(location, q, mode, PageRequest.of(page, size));
    }

    @GetMapping("/{item}/{location}")
    StockPolicyView get(@PathVariable String item, @PathVariable String location) {
        return policies.get(item, location);
    }

    @Operation(
            summary = "Create or replace the lines of an item in a warehouse",
            description =
                    "0 ≤ safety ≤ warning ≤ max; a version, when given, must match the stored one (409 otherwise)")
    @PutMapping("/{item}/{location}")
    StockPolicyView put(
            @PathVariable String item, @PathVariable String location, @RequestBody StockPolicyCommand command) {
        command.setItem(item);
        command.setLocation(location);
        return policies.put(item, location, RequestValidation.validated(validator, command));
    }

    @Operation(
            summary = "Save many policies at once",
            description = "All or nothing; errors name the row as [index].field")
    @PutMapping
    List<StockPolicyView> putAll(@RequestBody List<StockPolicyCommand> commands) {
        return policies.putAll(commands, validator);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{item}/{location}")
    ResponseEntity<Void> delete(@PathVariable String item, @PathVariable String location) {
        policies.delete(item, location);
        return ResponseEntity.noContent().build();
    }
}
