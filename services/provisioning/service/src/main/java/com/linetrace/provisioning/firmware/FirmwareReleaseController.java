package com.linetrace.provisioning.firmware;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.linetrace.contracts.Roles;
import com.linetrace.contracts.Serial;
import com.linetrace.provisioning.Problem;
import com.linetrace.provisioning.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Firmware releases over HTTP: registration by release engineering, approval and revocation by quality. */
@RestController
@RequestMapping("/api/firmware-releases")
class FirmwareReleaseController {

    private final FirmwareReleases releases;

    FirmwareReleaseController(FirmwareReleases releases) {
        this.releases = releases;
    }

    @PostMapping
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    ResponseEntity<ReleaseView> register(@RequestBody FirmwareReleases.Registration registration, Principal user) {
        var release = releases.register(registration, user.getName());
        return ResponseEntity.created(URI.create("/api/firmware-releases/" + release.id()))
                .body(view(release));
    }

    record Decision(@Nullable String reason) {}

    @PostMapping("/{id}/approval")
    @RolesAllowed(Roles.QUALITY)
    ReleaseView approve(@PathVariable UUID id, @RequestBody Decision decision, Principal user) {
        return view(releases.approve(id, decision.reason(), user.getName()));
    }

    @PostMapping("/{id}/revocation")
    @RolesAllowed(Roles.QUALITY)
    ReleaseView revoke(@PathVariable UUID id, @RequestBody Decision decision, Principal user) {
        return view(releases.revoke(id, decision.reason(), user.getName()));
    }

    @GetMapping
    // The approved images' hashes are for the people who register and approve them, not for the floor.
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    List<ReleaseView> list(@RequestParam(required = false) @Nullable ReleaseState state) {
        return releases.list(state).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    // The approved images' hashes are for the people who register and approve them, not for the floor.
    @RolesAllowed({Roles.ENGINEER, Roles.QUALITY, Roles.ADMIN})
    ReleaseView get(@PathVariable UUID id) {
        return view(releases.find(id).orElseThrow(() -> notFound(id)));
    }

    /** The recall scope: serials whose latest verified flash of the module is this release. */
    @GetMapping("/{id}/affected-serials")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.QUALITY, Roles.ENGINEER, Roles.ADMIN})
    List<String> affectedSerials(@PathVariable UUID id) {
        releases.find(id).orElseThrow(() -> notFound(id));
        return releases.unitsCarrying(id).stream().map(Serial::value).toList();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problem.RELEASE_NOT_FOUND, "No firmware release " + id);
    }

    /**
     * A release as the API shows it, with the signature checked against the keys trusted now ({@code signatureValid},
     * {@code signedBy}); {@code affectedSerials} is the recall scope counted at revocation.
     */
    record ReleaseView(
            @JsonUnwrapped FirmwareRelease release,
            boolean signatureValid,
            @Nullable String signedBy) {}

    private ReleaseView view(FirmwareRelease release) {
        var signer = releases.currentSigner(release);
        return new ReleaseView(release, signer.isPresent(), signer.orElse(null));
    }
}
