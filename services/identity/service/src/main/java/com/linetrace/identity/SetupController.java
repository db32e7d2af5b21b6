package com.linetrace.identity;

import com.linetrace.identity.api.FirstAdmin;
import com.linetrace.identity.api.Setup;
import com.linetrace.identity.api.UserSummary;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.bind.annotation.RestController;

/** First-run setup over HTTP, open to anyone: the one-time code in the plant's data directory is the credential. */
@PermitAll
@RestController
class SetupController implements Setup {

    private final Setup setup;

    SetupController(Setup setup) {
        this.setup = setup;
    }

    @Override
    public SetupState state() {
        return setup.state();
    }

    @Override
    public UserSummary createFirstAdmin(FirstAdmin admin) {
        return setup.createFirstAdmin(admin);
    }
}
