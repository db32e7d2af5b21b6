package com.linetrace.ui.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.contracts.Roles;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.util.Set;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class UsersViewTests extends BrowserlessTest {

    private final FakeUsers identity = new FakeUsers();

    private UsersView open() {
        var view = new UsersView(identity);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void createsAUserWithTheRolesPickedAndShowsThemInTheTable() {
        var view = open();
        test(view.username).setValue("ines.ortega");
        test(view.password).setValue("tall-green-ladder-42");
        view.roles.setValue(Set.of(Roles.QUALITY, Roles.OPERATOR));

        test(view.create).click();

        assertThat(identity.calls).containsExactly("create ines.ortega [OPERATOR, QUALITY]");
        assertThat(view.answerText()).isEqualTo("Created ines.ortega (OPERATOR, QUALITY).");
        assertThat(test(view.people).size()).isEqualTo(2);
        assertThat(view.password.getValue()).isEmpty();
    }

    @Test
    void showsIdentitysRefusalInWordsAndCreatesNothing() {
        var view = open();
        test(view.username).setValue("short.pw");
        test(view.password).setValue("abc");
        view.roles.setValue(Set.of(Roles.OPERATOR));

        test(view.create).click();

        assertThat(view.answerText()).isEqualTo("A password has at least 12 characters");
        assertThat(test(view.people).size()).isEqualTo(1);
    }

    @Test
    void disablesTheUserPickedAndOffersToEnableThemAgain() {
        identity.create(new com.linetrace.identity.api.NewUser(
                "dora", "tall-green-ladder-43", java.util.List.of(Roles.OPERATOR)));
        var view = open();
        test(view.people).select(1);
        assertThat(view.enable.getText()).isEqualTo("Disable");

        test(view.enable).click();

        assertThat(identity.calls).contains("disable dora");
        assertThat(view.answerText()).startsWith("dora is disabled");
        assertThat(test(view.people).getCellText(1, 2)).isEqualTo("disabled");
        assertThat(view.enable.getText()).isEqualTo("Enable");
    }

    @Test
    void changesTheRolesOfTheUserPicked() {
        identity.create(new com.linetrace.identity.api.NewUser(
                "ada", "tall-green-ladder-46", java.util.List.of(Roles.ADMIN, Roles.ENGINEER)));
        var view = open();
        test(view.people).select(0);
        view.newRoles.setValue(Set.of(Roles.ENGINEER));

        test(view.saveRoles).click();

        assertThat(identity.calls).contains("roles ada [ENGINEER]");
        assertThat(test(view.people).getCellText(0, 1)).isEqualTo("ENGINEER");
    }

    @Test
    void givesTheUserPickedABadgeAndPinAndShowsTheBadgeButNeverThePin() {
        identity.create(new com.linetrace.identity.api.NewUser(
                "pia.novak", "tall-green-ladder-47", java.util.List.of(Roles.OPERATOR)));
        var view = open();
        test(view.people).select(1);
        assertThat(view.removeBadge.isEnabled()).isFalse();
        test(view.badge).setValue("B-7001");
        test(view.pin).setValue("482916");

        test(view.giveBadge).click();

        assertThat(identity.calls).contains("badge pia.novak B-7001");
        assertThat(view.answerText()).startsWith("pia.novak signs in at the station terminals with the badge B-7001");
        assertThat(view.answerText()).doesNotContain("482916");
        assertThat(test(view.people).getCellText(1, 3)).isEqualTo("B-7001");
        assertThat(view.pin.getValue()).isEmpty();
        assertThat(view.removeBadge.isEnabled()).isTrue();

        test(view.removeBadge).click();

        assertThat(test(view.people).getCellText(1, 3)).isEmpty();
    }

    @Test
    void showsIdentitysRefusalOfAWeakPin() {
        var view = open();
        test(view.people).select(0);
        test(view.badge).setValue("B-7002");
        test(view.pin).setValue("111111");

        test(view.giveBadge).click();

        assertThat(view.answerText()).isEqualTo("A PIN is not one digit repeated");
        assertThat(test(view.people).getCellText(0, 3)).isEmpty();
    }
}
