package org.openvmi.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import org.openvmi.security.UserCommand;
import org.openvmi.security.UserDirectory;
import org.openvmi.security.UserView;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.web.RequestValidation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users", description = "User accounts, roles and supplier binding (ADMIN only)")
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final UserDirectory users;
    private final Validator validator;

    UserApiController(UserDirectory users, Validator validator) {
        this.users = users;
        this.validator = validator;
    }

    @GetMapping
    PageResult<UserView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return users.find(PageRequest.of(page, size));
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "password is required (8 to 100 characters); supplier is "
                    + "required for, and only allowed with, the SUPPLIER role")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody UserCommand command) {
        UserView created = users.create(command);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
                .body(created);
    }

    @Operation(
            summary = "Replace a user's fields",
            description = "The username comes from the path. A password, "
                    + "if given, resets it (and lifts a login lock); "
                    + "without one the password stays as it is.")
    @PutMapping("/{username}")
    UserView update(@PathVariable String username, @RequestBody UserCommand command) {
        command.setUsername(username);
        return users.update(username, RequestValidation.validated(validator, command));
    }
}
