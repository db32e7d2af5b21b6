package com.linetrace.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.identity.api.Setup;
import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

@ViewPackages(classes = BlankRoute.class)
class LoginViewTests extends BrowserlessTest {

    private LoginView open() {
        var view = new LoginView(new StaticListableBeanFactory().getBeanProvider(Setup.class));
        UI.getCurrent().add(view);
        return view;
    }

    private static String i18n(LoginView view) {
        return String.valueOf(view.form.getElement().getPropertyRaw("i18n"));
    }

    @Test
    void theBadgeFormAsksForTheBadgeThenThePinAndPostsToTheBadgeSignIn() {
        var view = open();

        view.show(true, null);

        assertThat(view.badgeMode()).isTrue();
        assertThat(view.form.getAction()).isEqualTo("login?badge");
        assertThat(i18n(view)).contains("\"username\":\"Badge\"", "\"password\":\"PIN\"", "Station sign-in");
        assertThat(view.form.isError()).isFalse();
        assertThat(view.otherMode.getHref()).isEqualTo("login?password");
    }

    @Test
    void thePasswordFormIsTheDefaultAndOffersTheBadgeForm() {
        var view = open();

        assertThat(view.badgeMode()).isFalse();
        assertThat(view.form.getAction()).isEqualTo("login");
        assertThat(view.otherMode.getHref()).isEqualTo("login?badge");
    }

    @Test
    void saysAWrongBadgeOrPinAndALockInWordsOnTheBadgeForm() {
        var view = open();

        view.show(true, "");
        assertThat(view.form.isError()).isTrue();
        assertThat(i18n(view)).contains("Wrong badge or PIN");

        view.show(true, "locked");
        assertThat(i18n(view)).contains("Too many wrong PINs with this badge");
    }
}
