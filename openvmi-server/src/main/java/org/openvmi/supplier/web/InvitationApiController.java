package org.openvmi.supplier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openvmi.supplier.InvitationCommand;
import org.openvmi.supplier.InvitationView;
import org.openvmi.supplier.SupplierInvitations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Supplier onboarding", description = "Invite supplier users by e-mail (ADMIN, BUYER)")
@RestController
@RequestMapping("/api/v1/supplier-invitations")
class InvitationApiController {

    private final SupplierInvitations invitations;

    InvitationApiController(SupplierInvitations invitations) {
        this.invitations = invitations;
    }

    @Operation(
            operationId = "inviteSupplier",
            summary = "Invite a supplier user",
            description = "Creates the user disabled and mails it a one-time "
                    + "link to set its password; 422 when no mail can be sent (nothing is created)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<InvitationView> invite(@RequestBody InvitationCommand command) {
        InvitationView v = invitations.invite(
                command, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return ResponseEntity.created(URI.create("/api/v1/supplier-invitations/" + v.id()))
                .body(v);
    }

    @Operation(operationId = "listSupplierInvitations")
    @GetMapping
    List<InvitationView> recent() {
        return invitations.recent();
    }
}
