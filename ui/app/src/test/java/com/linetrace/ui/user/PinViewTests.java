package com.linetrace.ui.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.linetrace.uitest.BlankRoute;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

@ViewPackages(classes = BlankRoute.class)
class PinViewTests extends BrowserlessTest {

    private final FakeUsers identity = new FakeUsers();

    private PinView open() {
        var view = new PinView(identity);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void changesTheOwnPinWithTheCurrentOneAndClearsTheFields() {
        var view = open();
        test(view.current).setValue("482916");
        test(view.next).setValue("529307");
        test(view.again).setValue("529307");

        test(view.change).click();

        assertThat(identity.calls).containsExactly("own pin");
        assertThat(view.answerText()).startsWith("Your PIN is changed");
        assertThat(view.current.getValue()).isEmpty();
    }

    @Test
    void showsIdentitysRefusalOfAWrongCurrentPin() {
        var view = open();
        test(view.current).setValue("111222");
        test(view.next).setValue("529307");
        test(view.again).setValue("529307");

        test(view.change).click();

        assertThat(view.answerText()).isEqualTo("That is not your current PIN (or you have no badge)");
    }

    @Test
    void asksNothingWhenTheNewPinAndItsRepetitionDiffer() {
        var view = open();
        test(view.current).setValue("482916");
        test(view.next).setValue("529307");
        test(view.again).setValue("529308");

        test(view.change).click();

        assertThat(identity.calls).isEmpty();
        assertThat(view.answerText()).contains("differ");
    }
}
